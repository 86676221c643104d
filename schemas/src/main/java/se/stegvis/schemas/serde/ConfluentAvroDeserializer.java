package se.stegvis.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import se.stegvis.schemas.EventClasses;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.SchemaRegistryClient;

/**
 * Reads Confluent's wire format. The writer schema comes from the registry by the id in the message (cached). With
 * {@code specific.avro.reader=true} a Stegvis event is resolved against the current contract of its topic and
 * returned as its generated class, so data written with an older schema version reads with today's classes; other
 * records resolve to their generated class when there is one. Otherwise a generic record in the writer's schema,
 * as Confluent's deserializer does by default.
 */
public class ConfluentAvroDeserializer implements Deserializer<Object> {

    static {
        EventClasses.trust();
    }


    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specificReader;

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry, boolean specificReader) {
        this.registry = registry;
        this.specificReader = specificReader;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = config.registryClient();
        }
        this.specificReader = config.flag(AvroSerdeConfig.SPECIFIC_AVRO_READER, specificReader);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = ConfluentWireFormat.schemaId(data);
        try {
            DatumReader<Object> reader = readers.computeIfAbsent(new ReaderKey(topic, id), this::readerFor);
            int offset = ConfluentWireFormat.HEADER_SIZE;
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not deserialize a message with schema id " + id + " from " + topic, e);
        }
    }

    private DatumReader<Object> readerFor(ReaderKey key) {
        Schema writer = registry.schemaById(key.schemaId());
        if (!specificReader) {
            return new GenericDatumReader<>(writer);
        }
        return new SpecificDatumReader<>(writer, specificReaderSchema(key.topic(), writer));
    }

    private static Schema specificReaderSchema(String topic, Schema writer) {
        return EventTopic.byTopicName(topic).map(EventTopic::valueSchema).orElseGet(() -> {
            Class<?> generated = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
            return generated == null ? writer : SpecificData.get().getSchema(generated);
        });
    }

    private record ReaderKey(String topic, int schemaId) {
    }
}
