package se.stegvis.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real standalone KRaft Kafka broker (combined broker and controller) in a child JVM, for tests that need Kafka
 * to go away and come back: {@link #stop()} ends the process with SIGTERM, as an operator would, and
 * {@link #start()} brings it back on the same port with the same data. The in-process {@link SharedKafka} cannot be
 * stopped without losing it for the rest of the JVM; this one can.
 *
 * <p>The child runs {@code kafka.Kafka} from the test JVM's own class path (kafka_2.13 comes with spring-kafka-test),
 * after {@code kafka.tools.StorageTool format --standalone}; its output goes to {@code broker.log} in its directory.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final int port = FreePort.find();
    private final int controllerPort = FreePort.find();
    private final Path directory;
    private final Path properties;
    private Process process;
    private boolean formatted;

    public KafkaBrokerProcess() {
        try {
            directory = Files.createTempDirectory("stegvis-kafka-");
            properties = directory.resolve("server.properties");
            Files.writeString(properties, serverProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}; the same across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (formatting its storage the first time) and returns once it answers clients. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The broker is already running");
        }
        if (!formatted) {
            format();
            formatted = true;
        }
        process = java("kafka.Kafka", properties.toString());
        awaitReady();
    }

    /** Sends SIGTERM and waits for the broker to shut down (forcibly after 30 s). */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp directory left behind is no reason to fail a test
        }
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
    }

    private void format() {
        Process formatting = java("kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString());
        try {
            if (!formatting.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("Formatting the broker's storage failed:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000))) {
            Awaitility.await("Kafka broker at " + bootstrapServers()).atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .failFast("the broker process ended", () -> !process.isAlive())
                    .until(() -> !admin.describeCluster().nodes().get(1, TimeUnit.SECONDS).isEmpty());
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException("The broker did not start (" + e.getMessage() + "); its log ends:\n" + logTail(), e);
        }
    }

    private Process java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + directory, "-cp", classPath(), mainClass));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire and Failsafe may start the test JVM from a manifest-only jar; they name the real class path here. */
    private static String classPath() {
        String testClassPath = System.getProperty("surefire.test.class.path");
        return testClassPath != null && !testClassPath.isBlank() ? testClassPath : System.getProperty("java.class.path");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("broker.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
