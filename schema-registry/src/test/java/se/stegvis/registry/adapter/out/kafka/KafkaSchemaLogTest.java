package se.stegvis.registry.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.stegvis.registry.application.SchemaLogException;
import se.stegvis.registry.domain.CompatibilityLevel;
import se.stegvis.registry.domain.LogEntry.CompatibilitySet;
import se.stegvis.registry.domain.Registry;
import se.stegvis.testsupport.FreePort;

class KafkaSchemaLogTest {

    @Test
    void a_write_to_a_kafka_that_is_not_there_fails_within_the_timeout_and_changes_nothing() {
        String nowhere = "127.0.0.1:" + FreePort.find();
        Registry registry = new Registry(CompatibilityLevel.BACKWARD);
        SchemaLogReader reader = new SchemaLogReader(nowhere, "_schemas", registry);
        long started = System.nanoTime();
        try (KafkaSchemaLog log = new KafkaSchemaLog(nowhere, "_schemas", reader, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> log.append(List.of(new CompatibilitySet(null, CompatibilityLevel.FULL))))
                    .isInstanceOf(SchemaLogException.class);
        } finally {
            reader.stop();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }
}
