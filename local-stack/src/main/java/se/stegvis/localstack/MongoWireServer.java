package se.stegvis.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM that speaks the MongoDB wire protocol: {@code mongo-java-server} with its H2 backend, so the data
 * survives restarts in one file. Arguments: {@code <port> <data file>}. Stops cleanly (closing the file) on SIGTERM.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer <port> <data file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the Mongo-wire server");
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-server-stop"));
        server.bind("127.0.0.1", port);
        System.out.println("Mongo-wire server (mongo-java-server, H2 backend) on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }
}
