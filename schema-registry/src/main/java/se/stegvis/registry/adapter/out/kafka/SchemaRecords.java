package se.stegvis.registry.adapter.out.kafka;

import java.util.Optional;
import java.util.OptionalInt;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import se.stegvis.registry.domain.CompatibilityLevel;
import se.stegvis.registry.domain.LogEntry;
import se.stegvis.registry.domain.LogEntry.CompatibilityCleared;
import se.stegvis.registry.domain.LogEntry.CompatibilitySet;
import se.stegvis.registry.domain.LogEntry.SchemaRecorded;
import se.stegvis.registry.domain.LogEntry.SubjectDeleted;
import se.stegvis.registry.domain.LogEntry.VersionRemoved;
import se.stegvis.registry.domain.SchemaVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Log entries as records of the {@code _schemas} topic, in Confluent's own format (JSON keys with a keytype, JSON
 * values, a null value as tombstone), so either registry can read the other's log. Keys are written field by field
 * in a fixed order: compaction compares key bytes.
 */
final class SchemaRecords {

    private final JsonMapper json = JsonMapper.builder().build();
    private final String topic;

    SchemaRecords(String topic) {
        this.topic = topic;
    }

    ProducerRecord<byte[], byte[]> encode(LogEntry entry) {
        if (entry instanceof SchemaRecorded recorded) {
            SchemaVersion v = recorded.version();
            ObjectNode value = json.createObjectNode().put("subject", v.subject()).put("version", v.version())
                    .put("id", v.id()).put("schema", v.schema()).put("deleted", v.deleted());
            return record(schemaKey(v.subject(), v.version()), value);
        } else if (entry instanceof VersionRemoved removed) {
            return record(schemaKey(removed.subject(), removed.version()), null);
        } else if (entry instanceof SubjectDeleted deleted) {
            ObjectNode key = json.createObjectNode().put("keytype", "DELETE_SUBJECT")
                    .put("subject", deleted.subject()).put("magic", 0);
            return record(key, json.createObjectNode().put("subject", deleted.subject())
                    .put("version", deleted.upToVersion()));
        } else if (entry instanceof CompatibilitySet set) {
            return record(configKey(set.subject()),
                    json.createObjectNode().put("compatibilityLevel", set.level().name()));
        }
        return record(configKey(((CompatibilityCleared) entry).subject()), null);
    }

    /** The entry a record carries, if it is one this registry understands (AVRO schemas, configs, deletes). */
    Optional<LogEntry> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return Optional.empty();
        }
        JsonNode key = json.readTree(record.key());
        JsonNode value = record.value() == null ? null : json.readTree(record.value());
        return switch (key.path("keytype").asString("")) {
            case "SCHEMA" -> Optional.of(schema(key, value));
            case "CONFIG" -> config(key, value);
            case "DELETE_SUBJECT" -> value == null ? Optional.empty()
                    : Optional.of(new SubjectDeleted(value.path("subject").asString(), value.path("version").asInt()));
            default -> Optional.empty();
        };
    }

    /** The schema id in a record, so ids of schemas this registry skips (non-AVRO) are never handed out again. */
    OptionalInt schemaId(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return OptionalInt.empty();
        }
        JsonNode id = json.readTree(record.value()).path("id");
        return id.isInt() ? OptionalInt.of(id.asInt()) : OptionalInt.empty();
    }

    private LogEntry schema(JsonNode key, JsonNode value) {
        String subject = key.path("subject").asString();
        int version = key.path("version").asInt();
        if (value == null) {
            return new VersionRemoved(subject, version);
        }
        String type = value.path("schemaType").asString("AVRO");
        if (!"AVRO".equals(type)) {
            throw new UnsupportedSchemaType(type);
        }
        return new SchemaRecorded(new SchemaVersion(subject, version, value.path("id").asInt(),
                value.path("schema").asString(), value.path("deleted").asBoolean(false)));
    }

    private Optional<LogEntry> config(JsonNode key, JsonNode value) {
        String subject = key.path("subject").isString() ? key.path("subject").asString() : null;
        if (value == null || !value.path("compatibilityLevel").isString()) {
            return Optional.of(new CompatibilityCleared(subject));
        }
        CompatibilityLevel level = CompatibilityLevel.parse(value.path("compatibilityLevel").asString());
        return Optional.of(new CompatibilitySet(subject, level));
    }

    private ObjectNode schemaKey(String subject, int version) {
        return json.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version)
                .put("magic", 1);
    }

    /** The global level's key has no subject field at all: Confluent leaves empty fields out of keys. */
    private ObjectNode configKey(String subject) {
        ObjectNode key = json.createObjectNode().put("keytype", "CONFIG");
        if (subject != null) {
            key.put("subject", subject);
        }
        return key.put("magic", 0);
    }

    private ProducerRecord<byte[], byte[]> record(ObjectNode key, ObjectNode value) {
        return new ProducerRecord<>(topic, 0, json.writeValueAsBytes(key),
                value == null ? null : json.writeValueAsBytes(value));
    }

    /** A schema of a type this registry does not serve (written by a Confluent registry sharing the topic). */
    static final class UnsupportedSchemaType extends RuntimeException {
        UnsupportedSchemaType(String type) {
            super("Skipping a schema of type " + type);
        }
    }
}
