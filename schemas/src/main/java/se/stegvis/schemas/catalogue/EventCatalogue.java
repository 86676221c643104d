package se.stegvis.schemas.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

import se.stegvis.schemas.EventTopic;

/**
 * Writes the event catalogue (docs/events.md) from the schemas themselves, so the documentation cannot drift from
 * the contract: a test fails when the committed catalogue differs from what this produces.
 */
public final class EventCatalogue {

    private EventCatalogue() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/events.md");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
        System.out.println("[schemas] event catalogue written to " + file);
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder()
                .append("# Event catalogue\n\n")
                .append("Generated from the Avro schemas in `schemas/src/main/avro` by `se.stegvis.schemas.catalogue.EventCatalogue`")
                .append(" (`./mvnw -q -pl schemas exec:java@event-catalogue`); do not edit by hand.\n\n")
                .append("Values are Avro in Confluent's wire format (byte 0, 4-byte big-endian schema id, Avro binary). ")
                .append("Each topic's subject is `<topic>-value` (Confluent's TopicNameStrategy); a topic with several event ")
                .append("types has the union of them as its value schema. See docs/decisions/0001-subjects-and-unions.md.\n\n")
                .append("| topic | key | subject | events |\n| --- | --- | --- | --- |\n");
        for (EventTopic topic : EventTopic.values()) {
            md.append("| `").append(topic.topicName()).append("` | ")
              .append(topic.compacted() ? "project id" : "participant id").append(" | `")
              .append(topic.valueSubject()).append("` | ")
              .append(topic.eventSchemas().stream().map(Schema::getName).collect(Collectors.joining(", "))).append(" |\n");
        }
        Set<Schema> types = new LinkedHashSet<>();
        for (EventTopic topic : EventTopic.values()) {
            md.append("\n## `").append(topic.topicName()).append("`\n");
            for (Schema event : topic.eventSchemas()) {
                describe(event, md, types);
            }
        }
        md.append("\n## Shared types\n");
        types.forEach(type -> describeType(type, md));
        return md.toString();
    }

    private static void describe(Schema record, StringBuilder md, Set<Schema> shared) {
        md.append("\n### ").append(record.getName()).append("\n\n").append(record.getDoc()).append("\n\n")
          .append("| field | type | meaning |\n| --- | --- | --- |\n");
        for (Schema.Field field : record.getFields()) {
            md.append("| `").append(field.name()).append("` | ").append(typeName(field.schema(), shared)).append(" | ")
              .append(field.doc().replace("|", "\\|")).append(" |\n");
        }
    }

    private static void describeType(Schema type, StringBuilder md) {
        if (type.getType() == Schema.Type.ENUM) {
            md.append("\n### ").append(type.getName()).append(" (enum)\n\n").append(type.getDoc()).append("\n\n")
              .append("Symbols: ").append(type.getEnumSymbols().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
              .append(type.getEnumDefault() == null ? "" : "; unknown symbols read as `" + type.getEnumDefault() + "`").append(".\n");
        } else {
            describe(type, md, new LinkedHashSet<>());
        }
    }

    private static String typeName(Schema schema, Set<Schema> shared) {
        return switch (schema.getType()) {
            case RECORD, ENUM -> {
                shared.add(schema);
                if (schema.getType() == Schema.Type.RECORD) {
                    schema.getFields().forEach(f -> typeName(f.schema(), shared));
                }
                yield schema.getName();
            }
            case UNION -> schema.getTypes().stream().map(t -> typeName(t, shared)).collect(Collectors.joining(" or "));
            case ARRAY -> "array of " + typeName(schema.getElementType(), shared);
            case MAP -> "map of " + typeName(schema.getValueType(), shared);
            default -> schema.getLogicalType() != null ? schema.getLogicalType().getName() : schema.getType().getName();
        };
    }
}
