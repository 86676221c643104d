package se.stegvis.schemas.registry;

import org.apache.avro.Schema;

/** The parts of the Confluent Schema Registry API that serializers and deserializers need. */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and answers its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject, without registering it. */
    int idOf(String subject, Schema schema);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** The schema with the given global id. */
    Schema schemaById(int id);
}
