package se.stegvis.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.bson.types.Binary;

import se.stegvis.schemas.EventSchemaHistory;
import se.stegvis.schemas.EventTopic;

/**
 * One event waiting in an aggregate's document to be published.
 *
 * <p>The payload is the Avro binary of the event in its own record schema, not the Confluent wire format: the schema
 * id is a matter of the registry, looked up when the relay publishes, so accepting a command never needs the
 * registry. {@code schemaFingerprint} (Avro's 64-bit parsing fingerprint of that schema) names the version it was
 * written with: an entry written before a deploy that evolved the event is read with its released writer schema
 * (see EventSchemaHistory) and resolved to today's class; a version that was never released is refused loudly
 * instead of being misread.
 *
 * <p>{@code acceptedAt} is kept to the millisecond, the precision a BSON date holds, so an entry equals itself after
 * a round trip through MongoDB. {@link #toString()} leaves the payload out: logs carry ids, never event contents.
 */
public record OutboxEntry(String eventId, String topic, String key, String type, long schemaFingerprint,
                          byte[] payload, Instant acceptedAt) {

    static final String EVENT_ID = "eventId";
    static final String ACCEPTED_AT = "acceptedAt";
    private static final Map<String, Long> FINGERPRINTS = new ConcurrentHashMap<>();

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        acceptedAt = Objects.requireNonNull(acceptedAt, "acceptedAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The entry for an event accepted now, to go out on {@code topic} under {@code key}. */
    public static OutboxEntry of(EventTopic topic, String key, SpecificRecord event) {
        return of(topic, key, event, Instant.now());
    }

    /** As {@link #of(EventTopic, String, SpecificRecord)}, accepted at the given instant (a service's clock). */
    public static OutboxEntry of(EventTopic topic, String key, SpecificRecord event, Instant acceptedAt) {
        Schema schema = event.getSchema();
        if (!topic.eventSchemas().contains(schema)) {
            throw new IllegalArgumentException(schema.getFullName() + " is not an event of " + topic.topicName());
        }
        Schema.Field eventId = schema.getField(EVENT_ID);
        if (eventId == null || event.get(eventId.pos()) == null) {
            throw new IllegalArgumentException(schema.getFullName() + " has no eventId");
        }
        return new OutboxEntry(event.get(eventId.pos()).toString(), topic.topicName(), key, schema.getFullName(),
                fingerprint(schema), encode(event), acceptedAt);
    }

    /** The event, decoded into its generated class, whichever released version of its schema it was written with. */
    public SpecificRecord event() {
        return event(EventSchemaHistory.released());
    }

    /** As {@link #event()}, with the writer schema looked up in the given history. */
    public SpecificRecord event(EventSchemaHistory history) {
        Schema reader = contractSchema();
        Schema writer = fingerprint(reader) == schemaFingerprint ? reader : history.version(schemaFingerprint)
                .filter(version -> version.getFullName().equals(type))
                .orElseThrow(() -> new IllegalStateException("Event " + eventId + " (" + type + ") was written with a"
                        + " version of its schema that was never released; it cannot be decoded safely"));
        try {
            SpecificDatumReader<SpecificRecord> datumReader = new SpecificDatumReader<>(writer, reader);
            return datumReader.read(null, DecoderFactory.get().binaryDecoder(payload, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode event " + eventId + " (" + type + ")", e);
        }
    }

    public Document toDocument() {
        return new Document(EVENT_ID, eventId).append("topic", topic).append("key", key).append("type", type)
                .append("schemaFingerprint", schemaFingerprint).append("payload", new Binary(payload))
                .append(ACCEPTED_AT, Date.from(acceptedAt));
    }

    public static OutboxEntry fromDocument(Document document) {
        Object payload = document.get("payload");
        byte[] bytes = payload instanceof Binary binary ? binary.getData() : (byte[]) payload;
        return new OutboxEntry(document.getString(EVENT_ID), document.getString("topic"), document.getString("key"),
                document.getString("type"), document.getLong("schemaFingerprint"), bytes,
                document.getDate(ACCEPTED_AT).toInstant());
    }

    /**
     * The schema is looked up in the topic's contract rather than loaded by name from {@code type}: only the event
     * classes of that topic can ever be instantiated from what is stored in the database.
     */
    private Schema contractSchema() {
        EventTopic contract = EventTopic.byTopicName(topic)
                .orElseThrow(() -> new IllegalStateException("Event " + eventId + " names an unknown topic " + topic));
        return contract.eventSchemas().stream().filter(schema -> schema.getFullName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Event " + eventId + ": " + type + " is not an event of " + topic));
    }

    private static long fingerprint(Schema schema) {
        return FINGERPRINTS.computeIfAbsent(schema.getFullName(), name -> SchemaNormalization.parsingFingerprint64(schema));
    }

    private static byte[] encode(SpecificRecord event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + event.getSchema().getFullName(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxEntry that && eventId.equals(that.eventId) && topic.equals(that.topic)
                && key.equals(that.key) && type.equals(that.type) && schemaFingerprint == that.schemaFingerprint
                && Arrays.equals(payload, that.payload) && acceptedAt.equals(that.acceptedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, topic, key, type, schemaFingerprint, Arrays.hashCode(payload), acceptedAt);
    }

    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", topic=" + topic + ", key=" + key + ", type=" + type
                + ", acceptedAt=" + acceptedAt + "]";
    }
}
