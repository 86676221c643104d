package se.stegvis.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every version an event record has had: today's, and each released version of its topic's subject (shipped in this
 * jar under {@code released/<subject>/v<N>.avsc}), found by Avro's parsing fingerprint. Data stored with an older
 * version, such as an outbox entry written before a deploy, can so be read with today's class.
 */
public final class EventSchemaHistory {

    private static final EventSchemaHistory RELEASED = new EventSchemaHistory(releasedTopicSchemas());

    private final Map<Long, Schema> byFingerprint = new HashMap<>();

    /** A history of the given topic value schemas (records or unions of records) plus today's contract. */
    public EventSchemaHistory(List<Schema> topicSchemas) {
        for (EventTopic topic : EventTopic.values()) {
            add(topic.valueSchema());
        }
        topicSchemas.forEach(this::add);
    }

    /** Today's contract and every released version. */
    public static EventSchemaHistory released() {
        return RELEASED;
    }

    /** The version of an event record with this parsing fingerprint, if it ever existed. */
    public Optional<Schema> version(long parsingFingerprint) {
        return Optional.ofNullable(byFingerprint.get(parsingFingerprint));
    }

    private void add(Schema topicSchema) {
        List<Schema> records = topicSchema.getType() == Schema.Type.UNION ? topicSchema.getTypes() : List.of(topicSchema);
        records.forEach(record -> byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(record), record));
    }

    private static List<Schema> releasedTopicSchemas() {
        List<Schema> schemas = new ArrayList<>();
        for (EventTopic topic : EventTopic.values()) {
            for (int version = 1; ; version++) {
                String resource = "released/" + topic.valueSubject() + "/v" + version + ".avsc";
                try (InputStream in = EventSchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        break;
                    }
                    schemas.add(new Schema.Parser().parse(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + resource, e);
                }
            }
        }
        return schemas;
    }
}
