package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaults_are_the_documented_ports_and_data_under_the_root() {
        Properties properties = new Properties();
        properties.setProperty("stegvis.root", "/srv/stegvis");

        StackSettings settings = StackSettings.from(properties, new String[0]);

        assertThat(settings.root()).isEqualTo(Path.of("/srv/stegvis"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/stegvis/data"));
        assertThat(settings.logDir()).isEqualTo(Path.of("/srv/stegvis/data/logs"));
        assertThat(settings.port("kafka")).isEqualTo(9092);
        assertThat(settings.port("kafka.controller")).isEqualTo(9093);
        assertThat(settings.port("mongo")).isEqualTo(27017);
        assertThat(settings.port("registry")).isEqualTo(8081);
        assertThat(settings.port("reporting")).isEqualTo(8090);
        assertThat(settings.port("participant")).isEqualTo(8091);
        assertThat(settings.port("activity")).isEqualTo(8092);
        assertThat(settings.port("outcome")).isEqualTo(8093);
        assertThat(settings.port("issuer")).isEqualTo(8094);
        assertThat(settings.readyPath("registry")).isEqualTo("/subjects");
        assertThat(settings.readyPath("issuer")).isEqualTo("/.well-known/openid-configuration");
        assertThat(settings.readyPath("outcome")).isEqualTo("/readyz");
        assertThat(settings.managementPort("reporting")).isEqualTo(8190);
        assertThat(settings.managementPort("participant")).isEqualTo(8191);
        assertThat(settings.managementPort("activity")).isEqualTo(8192);
        assertThat(settings.managementPort("outcome")).isEqualTo(8193);
        assertThat(settings.issuerUrl()).isEqualTo("http://localhost:8094");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.jvmOptions()).as("full tiered compilation: C1-only code runs several times slower")
                .containsExactly("-XX:+UseSerialGC", "-Xss512k");
    }

    @Test
    void system_properties_and_arguments_override_and_arguments_win() {
        Properties properties = new Properties();
        properties.setProperty("stegvis.root", "/srv/stegvis");
        properties.setProperty("stegvis.kafka.port", "19092");
        properties.setProperty("stegvis.mongo.port", "37017");
        properties.setProperty("unrelated.property", "ignored");

        StackSettings settings = StackSettings.from(properties, new String[] {
                "--stegvis.mongo.port=47017", "--stegvis.data.dir=/tmp/stack", "--stegvis.registry.ready-path=/actuator/health",
                "--stegvis.jvm-options=-Xss1m  -XX:+UseSerialGC"});

        assertThat(settings.port("kafka")).isEqualTo(19092);
        assertThat(settings.port("mongo")).isEqualTo(47017);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(settings.readyPath("registry")).isEqualTo("/actuator/health");
        assertThat(settings.jvmOptions()).containsExactly("-Xss1m", "-XX:+UseSerialGC");
    }

    @Test
    void a_management_port_follows_its_services_port_unless_set_itself() {
        Properties properties = new Properties();
        properties.setProperty("stegvis.outcome.port", "18093");
        properties.setProperty("stegvis.activity.management.port", "28192");

        StackSettings settings = StackSettings.from(properties, new String[0]);

        assertThat(settings.managementPort("outcome")).isEqualTo(18193);
        assertThat(settings.managementPort("activity")).isEqualTo(28192);
        assertThat(settings.managementPort("participant")).isEqualTo(8191);
    }

    @Test
    void an_empty_value_means_the_default_so_the_build_can_forward_unset_properties() {
        Properties properties = new Properties();
        properties.setProperty("stegvis.kafka.port", "");
        properties.setProperty("stegvis.data.dir", " ");

        StackSettings settings = StackSettings.from(properties, new String[0]);

        assertThat(settings.port("kafka")).isEqualTo(9092);
        assertThat(settings.dataDir()).isEqualTo(settings.root().resolve("data"));
    }

    @Test
    void a_relative_data_dir_is_under_the_root() {
        Properties properties = new Properties();
        properties.setProperty("stegvis.root", "/srv/stegvis");
        properties.setProperty("stegvis.data.dir", "demo-data");

        assertThat(StackSettings.from(properties, new String[0]).dataDir()).isEqualTo(Path.of("/srv/stegvis/demo-data"));
    }

    @Test
    void rejects_what_is_not_a_port_or_an_option() {
        Properties notANumber = new Properties();
        notANumber.setProperty("stegvis.kafka.port", "ninety");
        Properties outOfRange = new Properties();
        outOfRange.setProperty("stegvis.mongo.port", "70000");

        assertThatThrownBy(() -> StackSettings.from(notANumber, new String[0]))
                .hasMessage("stegvis.kafka.port=ninety is not a number");
        assertThatThrownBy(() -> StackSettings.from(outOfRange, new String[0]))
                .hasMessage("stegvis.mongo.port=70000 is not a port (1-65535)");
        assertThatThrownBy(() -> StackSettings.from(new Properties(), new String[] {"--verbose"}))
                .hasMessageContaining("Unknown argument --verbose");
    }
}
