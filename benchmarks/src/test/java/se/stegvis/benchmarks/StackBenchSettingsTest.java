package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class StackBenchSettingsTest {

    private static StackBenchSettings settings(Map<String, String> values) {
        Properties properties = new Properties();
        properties.setProperty("stegvis.root", "/tmp/stegvis-root");
        values.forEach(properties::setProperty);
        return StackBenchSettings.from(properties);
    }

    @Test
    void theDefaultsAreTheIssuesSizes() {
        StackBenchSettings settings = settings(Map.of());

        assertThat(settings.participants()).isEqualTo(100_000);
        assertThat(settings.rate()).isEqualTo(200);
        assertThat(settings.freshnessSeconds()).isEqualTo(180);
        assertThat(settings.freshnessPool()).isEqualTo(200 * (30 + 180));
        assertThat(settings.demoPeople()).isEqualTo(100_000 - 42_000);
        assertThat(settings.historyShare()).isEqualTo(1.0);
        assertThat(settings.senders()).isEqualTo(200);
    }

    @Test
    void aBlankValueMeansTheDefaultAsTheBuildPassesUnsetProperties() {
        assertThat(settings(Map.of("bench.stack.participants", "", "bench.stack.historyShare", " ")).participants()).isEqualTo(100_000);
    }

    @Test
    void everyPortOfTheStackMovesByTheOffsetManagementPortsToo() {
        StackBenchSettings settings = settings(Map.of("bench.stack.portOffset", "10000"));

        Map<String, String> values = settings.stackValues();
        assertThat(values).containsEntry("stegvis.kafka.port", "19092").containsEntry("stegvis.kafka.controller.port", "19093")
                .containsEntry("stegvis.mongo.port", "37017").containsEntry("stegvis.registry.port", "18081")
                .containsEntry("stegvis.issuer.port", "18094").containsEntry("stegvis.reporting.port", "18090")
                .containsEntry("stegvis.data.dir", "/tmp/stegvis-root/benchmarks/target/stack-bench/data");
        assertThat(settings.stack().managementPort("reporting")).isEqualTo(18190);
        assertThat(settings.catchUpPort()).isEqualTo(18095);
        assertThat(settings.catchUpManagementPort()).isEqualTo(18195);
    }

    @Test
    void theSeedKeyChangesWithEveryInputOfTheSeedingAndNotWithTheMeasurementsRounds() {
        String key = settings(Map.of()).seedKey();

        assertThat(settings(Map.of("bench.stack.participants", "99999")).seedKey()).isNotEqualTo(key);
        assertThat(settings(Map.of("bench.stack.seed", "1")).seedKey()).isNotEqualTo(key);
        assertThat(settings(Map.of("bench.stack.historyShare", "0.5")).seedKey()).isNotEqualTo(key);
        assertThat(settings(Map.of("bench.stack.freshnessSeconds", "120")).seedKey()).isNotEqualTo(key);
        assertThat(settings(Map.of("bench.stack.rounds", "5")).seedKey()).isEqualTo(key);
    }

    @Test
    void refusesAFreshnessPoolLargerThanHalfTheParticipants() {
        assertThatThrownBy(() -> settings(Map.of("bench.stack.participants", "5000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("42,000");
        assertThat(settings(Map.of("bench.stack.participants", "5000", "bench.stack.rate", "50", "bench.stack.freshnessSeconds", "30",
                "bench.stack.warmUpSeconds", "10")).freshnessPool()).isEqualTo(2000);
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> settings(Map.of("bench.stack.historyShare", "1.5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
