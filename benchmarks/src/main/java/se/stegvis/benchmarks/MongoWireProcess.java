package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import se.stegvis.testsupport.SharedMongo;

/**
 * mongo-java-server (memory backend, as in the tests) in a child JVM. In the benchmark's own JVM its store would
 * grow the heap by the read model being built, and the figure to show is whether the service's heap stays flat.
 * The child ends when this JVM does: it waits for its standard input to close. {@code -Dbench.replay.mongoJvmOptions}
 * passes options to it (a flight recording, say).
 */
final class MongoWireProcess implements AutoCloseable {

    private final Process process;
    private final String connectionString;

    private MongoWireProcess(Process process, String connectionString) {
        this.process = process;
        this.connectionString = connectionString;
    }

    static MongoWireProcess start(String maxHeap) throws Exception {
        Path address = Files.createTempFile("replay-benchmark-mongo", ".address");
        Files.delete(address);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap));
        command.addAll(Arrays.asList(System.getProperty("bench.replay.mongoJvmOptions", "").split("\\s+")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MongoWireProcess.class.getName(), address.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(address)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("mongo-java-server did not start in its own JVM");
            }
            Thread.sleep(50);
        }
        return new MongoWireProcess(process, Files.readString(address).trim());
    }

    String connectionString() {
        return connectionString;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The child: starts the server, says where it listens (written whole, then moved in place), runs until stdin closes. */
    public static void main(String[] args) throws IOException {
        String listening = SharedMongo.connectionString();
        Path target = Path.of(args[0]);
        Path partial = Files.writeString(target.resolveSibling(target.getFileName() + ".partial"), listening);
        Files.move(partial, target);
        while (System.in.read() >= 0) {
            // waits for the parent to go away
        }
        System.exit(0);
    }
}
