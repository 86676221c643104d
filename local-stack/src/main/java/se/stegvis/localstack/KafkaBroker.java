package se.stegvis.localstack;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft broker (broker and controller in one JVM) with its data under {@code <data>/kafka}. */
public final class KafkaBroker {

    private final StackSettings settings;
    private final JavaCommand java;

    public KafkaBroker(StackSettings settings, JavaCommand java) {
        this.settings = settings;
        this.java = java;
    }

    public Path logDir() {
        return settings.dataDir().resolve("kafka");
    }

    public Path configFile() {
        return settings.dataDir().resolve("kafka-server.properties");
    }

    public boolean isFormatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    public Properties serverProperties() {
        int port = settings.port("kafka");
        int controllerPort = settings.port("kafka.controller");
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.setProperty("log.dirs", logDir().toString());
        properties.setProperty("num.partitions", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    /** Writes the broker's configuration (every start: the ports may have changed). */
    public void writeConfig() throws IOException {
        Files.createDirectories(settings.dataDir());
        StringWriter text = new StringWriter();
        serverProperties().store(text, "Written by the Stegvis local stack on every start; edits are overwritten");
        Files.writeString(configFile(), text.toString(), StandardCharsets.UTF_8);
    }

    /** The first start formats the storage with a new cluster id; later starts keep the data. */
    public void formatIfNeeded(Duration timeout) throws IOException, InterruptedException {
        if (isFormatted()) {
            return;
        }
        List<String> command = java.command("-Xmx256m");
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", configFile().toString()));
        ChildProcess format = ChildProcess.start("Kafka storage format", command, settings.root(),
                settings.logDir().resolve("kafka-format.log"));
        if (!format.awaitExit(timeout)) {
            format.stop(Duration.ofSeconds(5));
            throw new IOException("formatting the Kafka storage took longer than " + timeout.toSeconds() + " s");
        }
        if (format.exitValue() != 0) {
            throw new IOException("formatting the Kafka storage failed (exit " + format.exitValue() + "):\n"
                    + String.join("\n", format.lastLogLines(20)));
        }
    }

    public List<String> command() {
        List<String> command = new ArrayList<>(java.command("-Xmx512m", "-Dorg.apache.logging.log4j.level=INFO"));
        command.addAll(List.of("kafka.Kafka", configFile().toString()));
        return command;
    }
}
