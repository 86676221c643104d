package se.stegvis.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One real Mongo-wire server ({@code mongo-java-server}, in memory) per test JVM, started on first use. Its oplog stays
 * off: nothing here uses change streams, and with it on every write is also stored in {@code local.oplog.rs}, for good.
 * Test classes isolate themselves by database name.
 */
public final class SharedMongo {

    private static MongoServer server;
    private static String connectionString;

    private SharedMongo() {
    }

    /** {@code mongodb://host:port} of the shared server; append {@code /database} to choose a database. */
    public static synchronized String connectionString() {
        if (server == null) {
            MemoryBackend backend = new MemoryBackend();
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            connectionString = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "shared-mongo-shutdown"));
        }
        return connectionString;
    }

    /** A connection string to a database of the shared server that no other caller has been given. */
    public static String freshDatabase(String prefix) {
        return connectionString() + "/" + prefix + "-" + Long.toHexString(System.nanoTime());
    }
}
