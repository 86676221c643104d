package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The extra outcome-service runs the launcher's command for outcome-service but clashes with nothing of the running one. */
class ReplicaCatchUpTest {

    private static final List<String> LAUNCHERS = List.of("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
            "/root/outcome-service/target/outcome-service-0.1.0-SNAPSHOT-exec.jar", "--server.port=18093",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092", "--spring.mongodb.uri=mongodb://127.0.0.1:37017/stegvis-outcome",
            "--stegvis.kafka.instance-id=outcome-service.local", "--management.server.port=18193",
            "--spring.config.import=file:/data/keys/registry.properties");

    private final ReplicaCatchUp catchUp = new ReplicaCatchUp(null, settings(), null);

    private static StackBenchSettings settings() {
        Properties properties = new Properties();
        properties.setProperty("bench.stack.portOffset", "10000");
        return StackBenchSettings.from(properties);
    }

    @Test
    void keepsTheLaunchersFlagsAndArgumentsButItsOwnPortsDatabaseInstanceAndGroup() {
        List<String> command = catchUp.command(LAUNCHERS, 1, "catch-up.replica");

        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                "/root/outcome-service/target/outcome-service-0.1.0-SNAPSHOT-exec.jar", "--server.port=18095",
                "--spring.kafka.bootstrap-servers=127.0.0.1:19092", "--spring.mongodb.uri=mongodb://127.0.0.1:37017/stegvis-outcome-catch-up-2",
                "--stegvis.kafka.instance-id=outcome-service.catch-up-2", "--management.server.port=18195",
                "--spring.config.import=file:/data/keys/registry.properties", "--stegvis.replica.group-id=catch-up.replica");
    }

    @Test
    void refusesALauncherCommandThatNoLongerNamesWhatMustBeReplaced() {
        List<String> withoutInstance = LAUNCHERS.stream().filter(argument -> !argument.startsWith("--stegvis.kafka.instance-id=")).toList();

        assertThatThrownBy(() -> catchUp.command(withoutInstance, 0, "g")).hasMessageContaining("--stegvis.kafka.instance-id");
    }
}
