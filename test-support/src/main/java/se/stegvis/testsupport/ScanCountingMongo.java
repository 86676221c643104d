package se.stegvis.testsupport;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A Mongo-wire server ({@code mongo-java-server}, in memory, one per test JVM, started on first use) that counts, per
 * collection, the queries it answered by reading the whole collection instead of from an index: finds, and the
 * filters of updates, replacements, deletes and findAndModify alike, since mongo-java-server answers each of them
 * through the same query. It uses an index only for a filter whose fields are exactly those of a unique index; for
 * anything else it reads every document, which the local stack (the same server on its H2 backend) pays per command
 * or per event. Tests of a hot path assert that it read no collection in full.
 */
public final class ScanCountingMongo {

    private static final Map<String, AtomicLong> SCANS = new ConcurrentHashMap<>();
    private static MongoServer server;
    private static String connectionString;

    private ScanCountingMongo() {
    }

    /** {@code mongodb://host:port} of the server; append {@code /database} to choose a database. */
    public static synchronized String connectionString() {
        if (server == null) {
            server = new MongoServer(new CountingBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            connectionString = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "scan-counting-mongo-shutdown"));
        }
        return connectionString;
    }

    /** The queries on {@code database.collection} answered by reading the whole collection, since the server started. */
    public static long scans(String database, String collection) {
        AtomicLong count = SCANS.get(database + "." + collection);
        return count == null ? 0 : count.get();
    }

    private static final class CountingBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    String name = databaseName + "." + collectionName;
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        /** The path of a query no index can handle (AbstractMongoCollection.queryDocuments). */
                        @Override
                        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                int batchSize, Document fieldSelector) {
                            SCANS.computeIfAbsent(name, key -> new AtomicLong()).incrementAndGet();
                            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }
                    };
                }
            };
        }
    }
}
