package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The against-target lines are worked out from the numbers, each against its same-run baseline. */
class StackReportTest {

    private static final long SECOND = 1_000_000_000L;

    private static StackBenchSettings settings() {
        Properties properties = new Properties();
        properties.setProperty("bench.stack.participants", "5000");
        properties.setProperty("bench.stack.rate", "50");
        properties.setProperty("bench.stack.freshnessSeconds", "30");
        properties.setProperty("bench.stack.warmUpSeconds", "10");
        return StackBenchSettings.from(properties);
    }

    /** A rebuild at {@code rebuildPerSecond} against a plain consumer at 100,000/s, a replica at {@code replicaPerSecond}. */
    private static String report(double rebuildPerSecond, double liveMax, double replicaPerSecond, double pipelineMillis, double rawMillis) {
        long events = 600_000;
        StackRebuild.Round round = new StackRebuild.Round(new ReplayBenchmark.Replayed(events, 6 * SECOND),
                new ReplayBenchmark.Replayed(events, (long) (events / rebuildPerSecond * SECOND)), true, 100, List.of(150.0, 180.0), 101, 42.5);
        StackRebuild.Result rebuild = new StackRebuild.Result(List.of(round, round), new HeapSamples.Figures(100, 120, liveMax, 102, 10), 180,
                new ReplayBenchmark.Replayed(events, 600 * SECOND), Map.of("stegvis.participants.v1", events));
        long replicaEvents = 150_000;
        ReplicaCatchUp.Round catchUp = new ReplicaCatchUp.Round(new ReplayBenchmark.Replayed(replicaEvents, 2 * SECOND), replicaEvents, 20, 25,
                replicaEvents / replicaPerSecond, false);
        List<Double> pipeline = Collections.nCopies(1500, pipelineMillis);
        List<Double> raw = Collections.nCopies(1500, rawMillis);
        FreshnessBenchmark.Result freshness = new FreshnessBenchmark.Result(new Freshness(pipeline, 0, 0), raw, 1500, raw, raw,
                new OpenLoop.Run(1500, 0, 30 * SECOND), 0, "", 700, 2000, List.of());
        SeedManifest seed = new SeedManifest("key", "`abc1234` on 2026-12-07", 3000, 3000, 18000, 100, 1500, 3600, 150,
                IntStream.range(0, 2000).mapToObj(i -> "id-" + i).toList(), Map.of("enrol the demo's people", 50.0));
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("MongoDB", 15.0);
        cpu.put("Kafka", 1.0);
        Phases.Phase phase = new Phases.Phase("freshness", new ProcessCpu.Usage(10, cpu, 19));
        return new StackReport(new StackReport.Run(settings(), seed, false, rebuild, new ReplicaCatchUp.Result(List.of(catchUp), Map.of()),
                freshness, List.of(phase), List.of("-XX:+UseSerialGC"), "`abc1234`")).markdown();
    }

    @Test
    void figuresThatMissTheirTargetsSaySo() {
        String md = report(4_000, 300, 900, 12_000, 20);

        assertThat(md).contains("| 1. rebuild of reporting-service's view / plain consume and decode of the same four topics | ≥ 0.5x | 0.040x | **NOT met** |")
                .contains("| 100 → 300 → 102 MiB | **NOT met** |")
                .contains("| ≥ 5,000/s | 900/s (0.012x plain consume and decode) | **NOT met** |")
                .contains("| < 250 ms | 12,000.0 ms | **NOT met** |")
                .contains("| ≤ 5x | 600.0x (plain p99 20.0 ms) | **NOT met** |");
    }

    @Test
    void figuresThatMeetTheirTargetsSaySo() {
        String md = report(60_000, 150, 6_000, 80, 20);

        assertThat(md).contains("| 0.600x | met |").contains("| 100 → 150 → 102 MiB | met |")
                .contains("| 6,000/s (0.080x plain consume and decode) | met |").contains("| 80.0 ms | met |")
                .contains("| 4.0x (plain p99 20.0 ms) | met |")
                .contains("102 MiB after, once its checkpoint was committed")
                .contains("but the Mongo-wire server and reporting-service choose G1 with a pause goal for themselves")
                .contains("At DONE, while its first checkpoint held a copy of the whole view on its way to the store: 180 MiB.");
    }

    @Test
    void eachRoundSaysHowLongItsCheckpointTookAfterDone() {
        String md = report(4_000, 150, 900, 80, 20);

        assertThat(md).contains("| after DONE, seconds until the rebuild's checkpoint was committed | 42.5 | 42.5 |");
    }

    @Test
    void theCpuTableShowsCoresInUseAndTheRestOfTheMachine() {
        String md = report(4_000, 150, 900, 80, 20);

        assertThat(md).contains("| phase | wall s | MongoDB | Kafka | other |").contains("| freshness | 10.0 | 1.50 | 0.10 | 0.30 |");
    }
}
