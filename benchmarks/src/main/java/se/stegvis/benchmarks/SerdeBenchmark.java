package se.stegvis.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.registry.CachingSchemaRegistryClient;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * Encode and decode throughput of the Confluent wire-format serde against plain Avro binary encoding of the same
 * records, measured in the same JVM in alternating rounds, so a noisy machine slows both alike. The figure that
 * counts is the ratio serde / plain Avro per round, reported with percentiles over the rounds.
 */
public final class SerdeBenchmark {

    static final int RECORDS_PER_ROUND = 200_000;
    static final int WARM_UP_ROUNDS = 5;
    static final int MEASURED_ROUNDS = 21;

    private final List<Message> messages = new ArrayList<>();
    private final ConfluentAvroSerializer serializer;
    private final ConfluentAvroDeserializer deserializer;
    private final Map<Schema, DatumWriter<Object>> plainWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumReader<Object>> plainReaders = new ConcurrentHashMap<>();
    private BinaryEncoder plainEncoder;
    private long sink;

    SerdeBenchmark() {
        CachingSchemaRegistryClient registry = new CachingSchemaRegistryClient(new InMemorySchemaRegistryClient());
        serializer = new ConfluentAvroSerializer(registry);
        deserializer = new ConfluentAvroDeserializer(registry, true);
        SampleEvents.byTopic().forEach((topic, events) -> events.forEach(event -> messages.add(
                new Message(topic, event, plainEncode(event), serializer.serialize(topic.topicName(), event)))));
    }

    public static void main(String[] args) throws IOException {
        SerdeBenchmark benchmark = new SerdeBenchmark();
        Rounds rounds = new Rounds();
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            boolean measured = round >= WARM_UP_ROUNDS;
            boolean serdeFirst = round % 2 == 0;
            rounds.add("encode", measured, benchmark.time(serdeFirst, benchmark::serdeEncode, benchmark::plainEncode));
            rounds.add("decode", measured, benchmark.time(serdeFirst, benchmark::serdeDecode, benchmark::plainDecode));
            System.out.printf("round %d%s done%n", round + 1, measured ? "" : " (warm-up)");
        }
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/serde.md");
        new SerdeBenchmarkReport(rounds, RECORDS_PER_ROUND, WARM_UP_ROUNDS, MEASURED_ROUNDS).writeTo(report);
        System.out.println(rounds.summary());
        System.out.println("written to " + report);
    }

    /** Records per second of the serde and of plain Avro in one round, in alternating order. */
    private Pair time(boolean serdeFirst, Runnable serde, Runnable plain) {
        double first = throughput(serdeFirst ? serde : plain);
        double second = throughput(serdeFirst ? plain : serde);
        return serdeFirst ? new Pair(first, second) : new Pair(second, first);
    }

    private static double throughput(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return RECORDS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
    }

    private void serdeEncode() {
        for (int i = 0; i < RECORDS_PER_ROUND; i++) {
            Message m = messages.get(i % messages.size());
            sink += serializer.serialize(m.topic().topicName(), m.event()).length;
        }
    }

    private void plainEncode() {
        for (int i = 0; i < RECORDS_PER_ROUND; i++) {
            sink += plainEncode(messages.get(i % messages.size()).event()).length;
        }
    }

    private void serdeDecode() {
        for (int i = 0; i < RECORDS_PER_ROUND; i++) {
            Message m = messages.get(i % messages.size());
            sink += deserializer.deserialize(m.topic().topicName(), m.wire()).hashCode() & 1;
        }
    }

    private void plainDecode() {
        for (int i = 0; i < RECORDS_PER_ROUND; i++) {
            Message m = messages.get(i % messages.size());
            sink += plainDecode(m.event().getSchema(), m.plain()).hashCode() & 1;
        }
    }

    /** Plain Avro: the record's own schema, a cached datum writer, a reused buffered binary encoder. */
    private byte[] plainEncode(SpecificRecord event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, plainEncoder);
            plainEncoder = encoder;
            plainWriters.computeIfAbsent(event.getSchema(), SpecificDatumWriter::new).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object plainDecode(Schema schema, byte[] bytes) {
        try {
            return plainReaders.computeIfAbsent(schema, SpecificDatumReader::new)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 0, bytes.length, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Message(EventTopic topic, SpecificRecord event, byte[] plain, byte[] wire) {
    }

    record Pair(double serde, double plain) {
        double ratio() {
            return serde / plain;
        }
    }
}
