package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsUserAndSystemTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 120 0 0 0 1500 250 0 0 20 0 42 0 12345 0 0";

        assertThat(ProcessCpu.processSeconds(stat)).isEqualTo(17.5);
    }

    @Test
    void theMachinesBusyTimeLeavesOutIdleAndIowait() {
        String cpu = "cpu  1000 50 300 90000 700 10 20 5 0 0";

        assertThat(ProcessCpu.machineBusySeconds(cpu)).isEqualTo((1000 + 50 + 300 + 10 + 20 + 5) / 100.0);
    }

    @Test
    void aPhasesUsageIsTheDifferenceAndWhatNoNamedProcessUsedIsOther() {
        ProcessCpu.Reading start = new ProcessCpu.Reading(0, Map.of("Kafka", 10.0, "MongoDB", 20.0), 100);
        ProcessCpu.Reading end = new ProcessCpu.Reading(5_000_000_000L, Map.of("Kafka", 12.0, "MongoDB", 27.0, "extra", 1.0), 112);

        ProcessCpu.Usage usage = ProcessCpu.between(start, end);

        assertThat(usage.wallSeconds()).isEqualTo(5.0);
        assertThat(usage.seconds()).containsEntry("Kafka", 2.0).containsEntry("MongoDB", 7.0).containsEntry("extra", 1.0);
        assertThat(usage.otherSeconds()).isEqualTo(2.0);
    }
}
