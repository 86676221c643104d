package se.stegvis.schemas.serde;

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

import se.stegvis.schemas.EventClasses;
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
        EventClasses.trust();
    }


    private final Map<String, Map<Schema, Destination>> destinations = new ConcurrentHashMap<>();
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
        Destination destination = destination(topic, container.getSchema(), data);
        try {
            MessageBuffer out = new MessageBuffer(256);
            out.write(destination.header(), 0, ConfluentWireFormat.HEADER_SIZE);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            if (destination.unionBranch() >= 0) {
                encoder.writeIndex(destination.unionBranch());
            }
            destination.writer().write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not serialize a " + container.getSchema().getFullName() + " for " + topic, e);
        }
    }

    /** Where a record of this schema goes on this topic; worked out once, then served from memory. */
    private Destination destination(String topic, Schema own, Object sample) {
        Map<Schema, Destination> byRecordSchema = destinations.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Destination destination = byRecordSchema.get(own);
        if (destination == null) {
            destination = resolve(topic, own, sample);
            byRecordSchema.put(own, destination);
        }
        return destination;
    }

    private Destination resolve(String topic, Schema own, Object sample) {
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = writerSchema(topic, own);
        try {
            int id;
            if (useLatestVersion) {
                RegisteredSchema latest = registry.latest(subject);
                id = latest.id();
                schema = latest.schema();
            } else {
                id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
            }
            return destinationOf(id, schema, own, sample);
        } catch (RuntimeException e) {
            throw new SerializationException("Could not find a schema id for a " + own.getFullName() + " under subject " + subject, e);
        }
    }

    private static Schema writerSchema(String topic, Schema own) {
        return EventTopic.byTopicName(topic)
                .filter(contract -> contract.eventSchemas().contains(own))
                .map(EventTopic::valueSchema)
                .orElse(own);
    }

    /**
     * A union is written as the branch index followed by the branch: resolving the branch once here instead of per
     * message gives the same bytes as Avro's union writer, at the cost of plain Avro.
     */
    private static Destination destinationOf(int schemaId, Schema writerSchema, Schema own, Object sample) {
        Integer branch = writerSchema.getType() == Schema.Type.UNION ? writerSchema.getIndexNamed(own.getFullName()) : null;
        if (branch != null) {
            return new Destination(ConfluentWireFormat.header(schemaId), branch, datumWriter(writerSchema.getTypes().get(branch), sample));
        }
        return new Destination(ConfluentWireFormat.header(schemaId), -1, datumWriter(writerSchema, sample));
    }

    private static DatumWriter<Object> datumWriter(Schema schema, Object sample) {
        return sample instanceof SpecificRecord ? new SpecificDatumWriter<>(schema) : new GenericDatumWriter<>(schema);
    }

    /** The wire header, the union branch to announce (-1 for none) and the writer of the record itself. */
    private record Destination(byte[] header, int unionBranch, DatumWriter<Object> writer) {
    }
}
