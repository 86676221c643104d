package se.stegvis.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import se.stegvis.localstack.mongo.IndexedH2Backend;

/**
 * The child JVM that speaks the MongoDB wire protocol: {@code mongo-java-server} with its H2 backend, so the data
 * survives restarts in one file. Arguments: {@code <port> <data file> [<page cache MB>]} (H2's own default, 16 MB,
 * without the third). Stops cleanly (closing the file) on SIGTERM.
 *
 * <p>H2's background compaction is off ({@code autoCompactFillRate(0)}): with it, a store of 100,000 participants
 * restored by the stack benchmark failed at participant-service's start, after its index declarations and during a
 * scan for an update of many, with "Chunk … not found" (three runs of four on a copy of that store, and two of two
 * in the stack; with compaction off, none of four). mongo-java-server reads H2's maps without holding on to the version
 * it reads, and the compaction moves what such a read still needs. The price is a file that keeps space no version
 * uses any longer until H2 reuses it.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: MongoWireServer <port> <data file> [<page cache MB>]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        MVStore.Builder store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0);
        if (args.length == 3) {
            store.cacheSize(Integer.parseInt(args[2]));
        }
        H2Backend backend = new IndexedH2Backend(store.open());
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the Mongo-wire server");
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-server-stop"));
        server.bind("127.0.0.1", port);
        System.out.println("Mongo-wire server (mongo-java-server, H2 backend) on 127.0.0.1:" + port + ", data in " + file
                + (args.length == 3 ? ", page cache " + args[2] + " MB" : ""));
        stopped.await();
    }
}
