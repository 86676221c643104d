package se.stegvis.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * H2 bounds its page cache by what it counts each value as: the documents and keys the server holds must count at what
 * they take of the heap, or the cache outgrows its budget (it held twice its 256 MB on the stack benchmark's store, and
 * the server spent a third of its time in full collections).
 */
class HeapFootprintTest {

    private static final int MANY = 20_000;

    @Test
    void decoded_documents_count_at_what_they_take_of_the_heap() {
        Random random = new Random(7);
        List<ByteBuffer> encoded = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            encoded.add(encode(i % 2 == 0 ? activity(random) : participant(random)));
        }

        long before = usedAfterCollection();
        Document[] held = new Document[MANY];
        long counted = 0;
        long bson = 0;
        for (int i = 0; i < MANY; i++) {
            ByteBuffer buffer = encoded.get(i).duplicate();
            held[i] = BsonValues.read(buffer, BsonValues.DOCUMENT);
            counted += DocumentType.INSTANCE.getMemory(held[i]);
            bson += buffer.position();
        }
        long taken = usedAfterCollection() - before;

        assertThat(held).doesNotContainNull();
        assertThat((double) counted / taken).as("counted %d bytes of documents that take %d of the heap (BSON %d)", counted, taken, bson)
                .isBetween(0.75, 1.33);
    }

    @Test
    void index_keys_count_at_what_they_take_of_the_heap() {
        long before = usedAfterCollection();
        KeyValue[] held = new KeyValue[MANY];
        long counted = 0;
        for (int i = 0; i < MANY; i++) {
            held[i] = new KeyValue(new String(UUID.randomUUID().toString()), (long) i);
            counted += KeyValueType.INSTANCE.getMemory(held[i]);
        }
        long taken = usedAfterCollection() - before;

        assertThat(held).doesNotContainNull();
        assertThat((double) counted / taken).as("counted %d bytes of keys that take %d of the heap", counted, taken).isBetween(0.75, 1.33);
    }

    @Test
    void the_same_document_always_counts_the_same() {
        Document document = participant(new Random(3));
        ByteBuffer encoded = encode(document);

        assertThat(DocumentType.INSTANCE.getMemory(document)).isEqualTo(DocumentType.INSTANCE.getMemory(document))
                .isEqualTo(DocumentType.INSTANCE.getMemory(BsonValues.read(encoded, BsonValues.DOCUMENT)))
                .isGreaterThan(2 * encoded.position());
    }

    private static long usedAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static ByteBuffer encode(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        assertThat(BsonValues.write(buffer, BsonValues.DOCUMENT, document)).as("written as BSON").isPositive();
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return ByteBuffer.wrap(java.util.Arrays.copyOf(bytes.array(), bytes.limit()));
    }

    /** An invented activity as activity-service keeps one: ids, a kind, hours, dates, a pending outbox entry. */
    private static Document activity(Random random) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("participantId", UUID.randomUUID().toString())
                .append("projectId", "23-073-S03")
                .append("type", "STUDIES")
                .append("hours", random.nextInt(40))
                .append("date", "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9))
                .append("retracted", false)
                .append("recordedAt", Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000)))
                .append("outbox", List.of(new Document("eventId", UUID.randomUUID().toString())
                        .append("topic", "stegvis.activities.v1").append("acceptedAt", Instant.ofEpochSecond(1_700_000_000L))
                        .append("payload", new de.bwaldvogel.mongo.bson.BinData(new byte[80 + random.nextInt(40)]))));
    }

    /** An invented participant as a replica keeps one: the attributes the indicators need, a revision, dates. */
    private static Document participant(Random random) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("projectId", "23-069-S06")
                .append("revision", (long) random.nextInt(9))
                .append("enrolledOn", "2024-03-0" + (1 + random.nextInt(9)))
                .append("leftOn", random.nextBoolean() ? null : "2024-11-2" + random.nextInt(9))
                .append("erased", false)
                .append("entry", new Document("gender", random.nextBoolean() ? "WOMAN" : "MAN")
                        .append("ageBand", "AGE_18_29").append("labourMarketStatus", "UNEMPLOYED")
                        .append("longTermUnemployed", random.nextBoolean()).append("education", "ISCED_3")
                        .append("disability", false).append("targetGroups", List.of("YOUNG_AT_RISK", "NOT_IN_EDUCATION")));
    }
}
