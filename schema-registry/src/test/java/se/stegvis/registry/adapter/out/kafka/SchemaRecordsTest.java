package se.stegvis.registry.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import se.stegvis.registry.domain.CompatibilityLevel;
import se.stegvis.registry.domain.LogEntry;
import se.stegvis.registry.domain.LogEntry.CompatibilityCleared;
import se.stegvis.registry.domain.LogEntry.CompatibilitySet;
import se.stegvis.registry.domain.LogEntry.SchemaRecorded;
import se.stegvis.registry.domain.LogEntry.SubjectDeleted;
import se.stegvis.registry.domain.LogEntry.VersionRemoved;
import se.stegvis.registry.domain.SchemaVersion;

class SchemaRecordsTest {

    private final SchemaRecords records = new SchemaRecords("_schemas");

    @Test
    void keys_are_byte_for_byte_those_confluent_writes_so_compaction_sees_one_key() {
        assertThat(key(new VersionRemoved("people-value", 2)))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"people-value\",\"version\":2,\"magic\":1}");
        assertThat(key(new CompatibilitySet(null, CompatibilityLevel.FULL)))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(key(new CompatibilityCleared("people-value")))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"people-value\",\"magic\":0}");
        assertThat(key(new SubjectDeleted("people-value", 3)))
                .isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"people-value\",\"magic\":0}");
    }

    @Test
    void values_are_confluents_and_deletes_are_tombstones() {
        SchemaVersion version = new SchemaVersion("people-value", 1, 7, "\"string\"", false);

        assertThat(value(new SchemaRecorded(version))).isEqualTo(
                "{\"subject\":\"people-value\",\"version\":1,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        assertThat(value(new CompatibilitySet("people-value", CompatibilityLevel.FULL)))
                .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(records.encode(new VersionRemoved("people-value", 1)).value()).isNull();
        assertThat(records.encode(new CompatibilityCleared(null)).value()).isNull();
    }

    @Test
    void every_entry_reads_back_as_itself() {
        List<LogEntry> entries = List.of(
                new SchemaRecorded(new SchemaVersion("people-value", 1, 7, "\"string\"", true)),
                new VersionRemoved("people-value", 1), new SubjectDeleted("people-value", 4),
                new CompatibilitySet(null, CompatibilityLevel.BACKWARD_TRANSITIVE),
                new CompatibilitySet("people-value", CompatibilityLevel.NONE),
                new CompatibilityCleared(null), new CompatibilityCleared("people-value"));

        for (LogEntry entry : entries) {
            assertThat(records.decode(consumed(records.encode(entry)))).contains(entry);
        }
    }

    @Test
    void records_of_other_kinds_are_passed_over_and_other_schema_types_keep_their_id() {
        assertThat(records.decode(consumed("{\"keytype\":\"NOOP\",\"magic\":0}", null))).isEmpty();
        assertThat(records.decode(consumed("{\"keytype\":\"MODE\",\"magic\":0}", "{\"mode\":\"READWRITE\"}")))
                .isEmpty();

        ConsumerRecord<byte[], byte[]> protobuf = consumed(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"p\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"p\",\"version\":1,\"id\":12,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}");
        assertThatThrownBy(() -> records.decode(protobuf)).isInstanceOf(SchemaRecords.UnsupportedSchemaType.class);
        assertThat(records.schemaId(protobuf)).hasValue(12);
    }

    private String key(LogEntry entry) {
        return new String(records.encode(entry).key(), StandardCharsets.UTF_8);
    }

    private String value(LogEntry entry) {
        return new String(records.encode(entry).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
    }

    private static ConsumerRecord<byte[], byte[]> consumed(String key, String value) {
        return new ConsumerRecord<>("_schemas", 0, 0L, key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
