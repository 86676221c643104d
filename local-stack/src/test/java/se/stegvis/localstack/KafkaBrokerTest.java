package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path root;

    @Test
    void a_single_node_kraft_broker_on_loopback_with_replication_factor_one() {
        Properties properties = broker(Map.of("stegvis.kafka.port", "19092", "stegvis.kafka.controller.port", "19093"))
                .serverProperties();

        assertThat(properties).containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("log.dirs", root.resolve("data/kafka").toString())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void writes_its_config_on_every_start_and_is_formatted_once_meta_properties_exists() throws IOException {
        KafkaBroker broker = broker(Map.of());
        broker.writeConfig();

        Properties written = new Properties();
        try (Reader reader = Files.newBufferedReader(broker.configFile())) {
            written.load(reader);
        }
        assertThat(written).isEqualTo(broker.serverProperties());
        assertThat(broker.isFormatted()).isFalse();

        Files.createDirectories(broker.logDir());
        Files.writeString(broker.logDir().resolve("meta.properties"), "node.id=1\n");
        assertThat(broker.isFormatted()).isTrue();
    }

    private KafkaBroker broker(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(overrides);
        values.put("stegvis.root", root.toString());
        StackSettings settings = StackSettings.from(values);
        return new KafkaBroker(settings, new JavaCommand("java", List.of(), "cp"));
    }
}
