package se.stegvis.localstack.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stack's Mongo-wire server on its file: documents come back as they were written, across a restart; unique
 * indexes find and refuse what they should; and a file written by mongo-java-server's stock H2 backend (every local
 * stack's data directory before) is still read, its indexes included, while what is made anew uses the faster form.
 */
class IndexedH2BackendTest {

    private static final int MANY = 2_000;

    @TempDir
    Path directory;

    @Test
    void documents_come_back_as_written_after_a_restart() {
        Path file = directory.resolve("store.mv");
        Document written = new Document("_id", "p-1").append("text", "Åsa, invented").append("int", 7).append("long", 7L)
                .append("double", 2.5).append("flag", true).append("nothing", null).append("date", new Date(1_700_000_000_000L))
                .append("decimal", new Decimal128(42)).append("objectId", new ObjectId("65f0c0ffee0000000000beef"))
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("a", new Document("b", List.of())).append("revision", 3L))
                .append("targets", List.of(new Document("code", "t").append("genderShares", new Document()).append("targetGroup", "INVENTED_GROUP"),
                        new Document("code", "u").append("followUp", null).append("genderShares", new Document("WOMAN", 50)).append("targetGroup", null)));
        on(file, IndexedH2Backend::new, participants -> participants.insertOne(written));

        Document read = on(file, IndexedH2Backend::new, participants -> participants.find(eq("_id", "p-1")).first());

        assertThat(read).isEqualTo(written);
        assertThat(read.get("int")).isInstanceOf(Integer.class);
        assertThat(read.get("long")).isInstanceOf(Long.class);
        try (MVStore store = MVStore.open(file.toString())) {
            assertThatThrownBy(() -> store.openMap("databases.stegvis-test.participants").get("p-1"))
                    .as("written as BSON, which H2's own object type does not read").isNotNull();
        }
    }

    @Test
    void a_unique_index_finds_every_key_and_refuses_a_second_document_with_one() {
        Path file = directory.resolve("store.mv");
        on(file, IndexedH2Backend::new, participants -> {
            participants.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
            participants.insertMany(documents());
            return null;
        });

        on(file, IndexedH2Backend::new, participants -> {
            assertEveryOneFound(participants);
            assertThat(participants.find(new Document("_id", "p-42").append("revision", 42L)).first()).isNotNull();
            assertThatThrownBy(() -> participants.insertOne(new Document("_id", "p-42").append("revision", 1L)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            return null;
        });
    }

    @Test
    void a_file_of_the_stock_backend_is_read_with_its_indexes_and_a_collection_made_again_is_ordered_by_value() {
        Path file = directory.resolve("store.mv");
        on(file, H2Backend::new, participants -> {
            participants.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
            participants.insertMany(documents());
            return null;
        });

        on(file, IndexedH2Backend::new, participants -> {
            assertEveryOneFound(participants);
            assertThat(participants.find(new Document("_id", "p-1999").append("revision", 1999L)).first()).isNotNull();
            assertThatThrownBy(() -> participants.insertOne(new Document("_id", "p-42"))).isInstanceOf(MongoWriteException.class);
            participants.insertOne(new Document("_id", "p-new").append("revision", 0L));
            return null;
        });
        on(file, IndexedH2Backend::new, participants -> {
            assertEveryOneFound(participants);
            assertThat(participants.find(eq("_id", "p-new")).first()).isNotNull();
            return null;
        });
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.<String, Boolean>openMap(IndexedH2Backend.ORDERED_BY_VALUE).keySet())
                    .as("the index maps the stock backend made keep their order").noneMatch(name -> name.contains("participants"));
        }

        on(file, IndexedH2Backend::new, participants -> {
            participants.drop();
            participants.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
            participants.insertMany(documents());
            return null;
        });
        on(file, IndexedH2Backend::new, participants -> {
            assertEveryOneFound(participants);
            return null;
        });
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.<String, Boolean>openMap(IndexedH2Backend.ORDERED_BY_VALUE).keySet())
                    .as("the collection made again has its indexes ordered by value")
                    .contains("stegvis-test.participants._index__id_", "stegvis-test.participants._index__id_1_revision_1");
        }
    }

    @Test
    void documents_read_from_the_file_count_at_their_size_in_the_page_cache() {
        Path file = directory.resolve("store.mv");
        String large = "x".repeat(4_000);
        on(file, H2Backend::new, participants -> {
            participants.insertMany(IntStream.range(0, 500).mapToObj(i -> new Document("_id", id(i)).append("sealed", large)).toList());
            return null;
        });

        Document read = on(file, IndexedH2Backend::new, participants -> {
            participants.find().forEach(document -> { });
            return participants.find(eq("_id", "p-1")).first();
        });

        assertThat(DocumentType.INSTANCE.getMemory(new de.bwaldvogel.mongo.bson.Document("sealed", read.getString("sealed"))))
                .as("what H2 counts a document as, after reading documents of 4 KB: its page cache is bounded by it")
                .isGreaterThan(2_000);
    }

    private static void assertEveryOneFound(MongoCollection<Document> participants) {
        List<String> ids = IntStream.range(0, MANY).mapToObj(IndexedH2BackendTest::id).toList();
        List<String> found = new ArrayList<>();
        participants.find(in("_id", ids)).forEach(document -> found.add(document.getString("_id")));
        assertThat(found).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 0; i < MANY; i += 97) {
            assertThat(participants.find(eq("_id", id(i))).first()).as("participant %d", i).isNotNull();
        }
    }

    /** Invented ids, written out of order, so that the index's order and the writing order differ. */
    private static List<Document> documents() {
        return IntStream.range(0, MANY).map(i -> (i * 7919) % MANY)
                .mapToObj(i -> new Document("_id", id(i)).append("revision", (long) i).append("projectId", "99-00" + (i % 5) + "-T01"))
                .toList();
    }

    /** Of different lengths: serialised, "p-10" sorts after "p-9" (its length first); by value, before. */
    private static String id(int i) {
        return "p-" + i;
    }

    /** Runs the work against a server on the file, opened with that backend, and closes both. */
    private static <T> T on(Path file, Function<MVStore, H2Backend> backendOf, Function<MongoCollection<Document>, T> work) {
        H2Backend backend = backendOf.apply(new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            return work.apply(client.getDatabase("stegvis-test").getCollection("participants"));
        } finally {
            server.shutdown();
            backend.close();
        }
    }
}
