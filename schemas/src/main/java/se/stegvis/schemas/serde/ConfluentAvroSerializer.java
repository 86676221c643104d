package se.stegvis.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.RegisteredSchema;
import se.stegvis.schemas.registry.SchemaRegistryClient;

/**
 * Writes Avro records in Confluent's wire format, under Confluent's default subject ({@code <topic>-value} or
 * {@code <topic>-key}). On a Stegvis topic an event is written with the topic's value schema (the union of its
 * event types), so the subject holds one schema for the whole topic; any other record is written with its own
 * schema, as Confluent's serializer does. Schema ids are cached: after the first message per schema there is no
 * registry call. Usable as Kafka's {@code value.serializer} (no-arg constructor, then {@link #configure}).
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    static {
        TrustedEventClasses.trust();
    }


    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private boolean isKey;

    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = config.registryClient();
        }
        this.autoRegister = config.flag(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = config.flag(AvroSerdeConfig.USE_LATEST_VERSION, false);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Not an Avro record: " + data.getClass().getName());
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = writerSchema(topic, container.getSchema());
        try {
            int id = schemaId(subject, schema);
            if (useLatestVersion) {
                schema = latestBySubject.get(subject).schema();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ConfluentWireFormat.writeHeader(out, id);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> writerFor(s, data)).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not serialize a " + schema.getFullName() + " for subject " + subject, e);
        }
    }

    private static Schema writerSchema(String topic, Schema own) {
        return EventTopic.byTopicName(topic)
                .filter(contract -> contract.eventSchemas().contains(own))
                .map(EventTopic::valueSchema)
                .orElse(own);
    }

    private int schemaId(String subject, Schema schema) {
        if (useLatestVersion) {
            return latestBySubject.computeIfAbsent(subject, registry::latest).id();
        }
        return autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
    }

    private static DatumWriter<Object> writerFor(Schema schema, Object sample) {
        return sample instanceof SpecificRecord ? new SpecificDatumWriter<>(schema) : new GenericDatumWriter<>(schema);
    }
}
