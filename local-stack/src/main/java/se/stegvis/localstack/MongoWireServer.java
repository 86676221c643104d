package se.stegvis.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM that speaks the MongoDB wire protocol: {@code mongo-java-server} with its H2 backend, so the data
 * survives restarts in one file. Arguments: {@code <port> <data file> [<page cache MB>]} (H2's own default, 16 MB,
 * without the third). Stops cleanly (closing the file) on SIGTERM.
 *
 * <p>The file keeps space that newer versions no longer use for {@value #RETENTION_MINUTES} minutes rather than H2's
 * 45 seconds. mongo-java-server reads the store's maps without holding on to the version it reads, so a read that
 * outlasts the retention (a cursor over 100,000 participants read in batches, or a scan for an update of many, on a
 * loaded machine) can meet pages whose space was already given to newer ones, and fails with "Chunk … not found".
 * That happened to the stack benchmark on a store of 100,000 participants; keeping freed space longer costs file size
 * while the data churns.
 */
public final class MongoWireServer {

    static final int RETENTION_MINUTES = 30;

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
        MVStore.Builder store = new MVStore.Builder().fileName(file.toString());
        if (args.length == 3) {
            store.cacheSize(Integer.parseInt(args[2]));
        }
        MVStore opened = store.open();
        opened.setRetentionTime((int) Duration.ofMinutes(RETENTION_MINUTES).toMillis());
        H2Backend backend = new H2Backend(opened);
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
