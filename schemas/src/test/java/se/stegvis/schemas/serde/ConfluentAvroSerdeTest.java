package se.stegvis.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.registry.RegisteredSchema;
import se.stegvis.schemas.registry.SchemaRegistryClient;

class ConfluentAvroSerdeTest {

    private final CountingRegistry registry = new CountingRegistry(new InMemorySchemaRegistryClient());
    private final ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry);
    private final ConfluentAvroDeserializer specific = new ConfluentAvroDeserializer(registry, true);
    private final ConfluentAvroDeserializer generic = new ConfluentAvroDeserializer(registry, false);

    @Test
    void every_event_reads_back_equal_as_its_generated_class() {
        SampleEvents.byTopic().forEach((topic, events) -> events.forEach(event -> {
            byte[] bytes = serializer.serialize(topic.topicName(), event);
            assertThat(specific.deserialize(topic.topicName(), bytes)).isEqualTo(event);
        }));
    }

    @Test
    void every_event_is_written_in_confluent_wire_format_with_the_topic_schema_id() {
        SampleEvents.byTopic().forEach((topic, events) -> events.forEach(event -> {
            byte[] bytes = serializer.serialize(topic.topicName(), event);
            ByteBuffer header = ByteBuffer.wrap(bytes, 0, 5);
            assertThat(header.get()).isZero();
            int id = header.getInt();
            assertThat(registry.schemaById(id)).isEqualTo(topic.valueSchema());
            assertThat(registry.latest(topic.valueSubject()).id()).isEqualTo(id);
            assertThat(plainAvroDecode(topic.valueSchema(), Arrays.copyOfRange(bytes, 5, bytes.length))).isEqualTo(event);
        }));
    }

    @Test
    void a_generic_reader_gets_records_in_the_writer_schema_as_confluents_default_deserializer_does() {
        byte[] bytes = serializer.serialize(EventTopic.PARTICIPANTS.topicName(), SampleEvents.left());
        GenericRecord record = (GenericRecord) generic.deserialize(EventTopic.PARTICIPANTS.topicName(), bytes);
        assertThat(record.getSchema().getFullName()).isEqualTo("se.stegvis.events.ParticipantLeft");
        assertThat(record.get("participantId").toString()).isEqualTo(SampleEvents.PARTICIPANT_ID.toString());
        assertThat(record.get("reason").toString()).isEqualTo("COMPLETED");
    }

    @Test
    void after_warm_up_no_message_calls_the_registry() {
        String topic = EventTopic.OUTCOMES.topicName();
        specific.deserialize(topic, serializer.serialize(topic, SampleEvents.outcomeRecorded()));
        int callsAfterWarmUp = registry.calls.get();
        for (int i = 0; i < 1_000; i++) {
            specific.deserialize(topic, serializer.serialize(topic, SampleEvents.outcomeRecorded()));
            generic.deserialize(topic, serializer.serialize(topic, SampleEvents.outcomeRetracted()));
        }
        assertThat(registry.calls.get()).isEqualTo(callsAfterWarmUp);
    }

    @Test
    void a_record_outside_the_contract_is_written_with_its_own_schema_under_the_topic_subject() {
        Schema schema = SampleEvents.enrolled().getSchema();
        byte[] bytes = serializer.serialize("someone.elses.topic", SampleEvents.enrolled());
        assertThat(registry.latest("someone.elses.topic-value").schema()).isEqualTo(schema);
        assertThat(specific.deserialize("someone.elses.topic", bytes)).isInstanceOf(SpecificRecord.class);
    }

    @Test
    void a_key_is_registered_under_the_key_subject() {
        ConfluentAvroSerializer keySerializer = new ConfluentAvroSerializer(registry);
        keySerializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://unused"), true);
        keySerializer.serialize("keys.topic", SampleEvents.entryData());
        assertThat(registry.latest("keys.topic-key").schema()).isEqualTo(SampleEvents.entryData().getSchema());
    }

    @Test
    void null_stays_null_both_ways() {
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(specific.deserialize("t", null)).isNull();
    }

    @Test
    void bytes_not_in_the_wire_format_are_refused() {
        assertThatThrownBy(() -> specific.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte");
        assertThatThrownBy(() -> specific.deserialize("t", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    @Test
    void an_unknown_schema_id_is_a_serialization_error() {
        assertThatThrownBy(() -> specific.deserialize("t", new byte[] {0, 0, 0, 0x7f, 0x7f, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 32639");
    }

    @Test
    void something_that_is_not_avro_is_refused() {
        assertThatThrownBy(() -> serializer.serialize("t", "a string"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Not an Avro record");
    }

    @Test
    void without_auto_registration_an_unregistered_schema_is_an_error_and_a_registered_one_is_used() {
        ConfluentAvroSerializer strict = new ConfluentAvroSerializer(registry);
        strict.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://unused",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        String topic = EventTopic.ACTIVITIES.topicName();
        assertThatThrownBy(() -> strict.serialize(topic, SampleEvents.activityRecorded()))
                .isInstanceOf(SerializationException.class);
        registry.register(EventTopic.ACTIVITIES.valueSubject(), EventTopic.ACTIVITIES.valueSchema());
        assertThat(specific.deserialize(topic, strict.serialize(topic, SampleEvents.activityRecorded())))
                .isInstanceOf(SpecificRecord.class);
    }

    private static Object plainAvroDecode(Schema schema, byte[] avro) {
        try {
            return new SpecificDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(avro, null));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Counts the calls that reach the registry behind the caches. */
    static final class CountingRegistry implements SchemaRegistryClient {
        final AtomicInteger calls = new AtomicInteger();
        private final SchemaRegistryClient registry;

        CountingRegistry(SchemaRegistryClient registry) {
            this.registry = new se.stegvis.schemas.registry.CachingSchemaRegistryClient(new SchemaRegistryClient() {
                public int register(String s, Schema schema) { calls.incrementAndGet(); return registry.register(s, schema); }
                public int idOf(String s, Schema schema) { calls.incrementAndGet(); return registry.idOf(s, schema); }
                public RegisteredSchema latest(String s) { calls.incrementAndGet(); return registry.latest(s); }
                public Schema schemaById(int id) { calls.incrementAndGet(); return registry.schemaById(id); }
            });
        }

        public int register(String s, Schema schema) { return registry.register(s, schema); }
        public int idOf(String s, Schema schema) { return registry.idOf(s, schema); }
        public RegisteredSchema latest(String s) { return registry.latest(s); }
        public Schema schemaById(int id) { return registry.schemaById(id); }
    }

}
