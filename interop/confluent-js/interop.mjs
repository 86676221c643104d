// Speaks to a schema registry and decodes/encodes Confluent wire-format messages with a third-party Confluent
// client on Node.js, so the Java tests can check that any Confluent client interoperates with Stegvis.
//
//   node interop.mjs decode   <registry-url> <file of hex messages, one a line>   -> JSON lines on stdout
//   node interop.mjs register <registry-url> <subject> <schema file>              -> {"id": N}
//   node interop.mjs encode   <registry-url> <schema id> <JSON payload file>      -> hex message on stdout
//
// With REGISTRY_USER_INFO=user:password in the environment (not an argument: the command line is visible to every
// local user), every call sends those HTTP Basic credentials, which a registry that guards writes asks of `register`.
import { readFileSync } from 'node:fs';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';

const [command, host, ...rest] = process.argv.slice(2);
const userInfo = process.env.REGISTRY_USER_INFO;
const colon = userInfo ? userInfo.indexOf(':') : -1;
const auth = colon > 0 ? { username: userInfo.slice(0, colon), password: userInfo.slice(colon + 1) } : undefined;
const registry = new SchemaRegistry(auth ? { host, auth } : { host });

const asJson = (value) => JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? v.toString() : v));

async function decode(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  for (const line of lines) {
    const decoded = await registry.decode(Buffer.from(line.trim(), 'hex'));
    console.log(asJson(decoded));
  }
}

async function register(subject, schemaFile) {
  const schema = readFileSync(schemaFile, 'utf8');
  const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
  console.log(asJson({ id }));
}

async function encode(id, payloadFile) {
  const payload = JSON.parse(readFileSync(payloadFile, 'utf8'));
  const message = await registry.encode(Number(id), payload);
  console.log(message.toString('hex'));
}

const commands = { decode: () => decode(rest[0]), register: () => register(rest[0], rest[1]), encode: () => encode(rest[0], rest[1]) };
if (!commands[command]) {
  console.error('usage: node interop.mjs decode|register|encode <registry-url> ...');
  process.exit(2);
}
commands[command]().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
