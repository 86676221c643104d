package se.stegvis.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Writes the replay benchmark's figures, with how and where they were measured. Everything from the heading
 * {@value #ANALYSIS} on is written by hand and kept as it is when the figures are written again.
 */
final class ReplayBenchmarkReport {

    static final String ANALYSIS = "## Where the time goes";

    private final List<ReplayBenchmark.RoundResult> rounds;
    private final HeapSamples.Measured<ReplayBenchmark.Replayed> live;
    private final ReplayEvents.Written written;
    private final int warmUp;
    private final long liveEveryMillis;

    ReplayBenchmarkReport(List<ReplayBenchmark.RoundResult> rounds, HeapSamples.Measured<ReplayBenchmark.Replayed> live,
            ReplayEvents.Written written, int warmUp, long liveEveryMillis) {
        this.rounds = rounds;
        this.live = live;
        this.written = written;
        this.warmUp = warmUp;
        this.liveEveryMillis = liveEveryMillis;
    }

    void writeTo(Path file) throws IOException {
        StringBuilder md = new StringBuilder("# Replay of the read model against a plain decoding consumer\n\n")
                .append(String.format("Target: reporting-service rebuilds its read model from %,d events into an empty store at ", written.total()))
                .append("at least 0.5x the rate of a plain KafkaConsumer that only decodes the same records, measured in the same run, ")
                .append("with the heap staying flat.\n\n")
                .append("| figure | p10 | p50 | p90 |\n| --- | --- | --- | --- |\n")
                .append(row("ratio rebuild / plain decoding", ReplayBenchmark.RoundResult::ratio, "%.3f"))
                .append(row("ratio rebuild / decoding and one plain insert per event", ReplayBenchmark.RoundResult::ratioToInserting, "%.3f"))
                .append(row("rebuild, events/s", r -> r.service().perSecond(), "%,.0f"))
                .append(row("plain decoding, events/s", r -> r.raw().perSecond(), "%,.0f"))
                .append(row("decoding and one plain insert per event, events/s", r -> r.inserting().perSecond(), "%,.0f"))
                .append(row("rebuild, seconds", r -> r.service().nanos() / 1e9, "%.1f"))
                .append(row("after DONE, seconds until the rebuild's checkpoint was committed", ReplayBenchmark.RoundResult::checkpointSeconds, "%.1f"))
                .append(row("heap used before the rebuild, after a full GC (MiB)", r -> r.heap().start(), "%,.0f"))
                .append(row("heap used after each GC during it, p50 (MiB)", r -> r.heap().p50(), "%,.0f"))
                .append(row("heap used after each GC during it, max (MiB)", r -> r.heap().max(), "%,.0f"))
                .append(row("heap used after the rebuild, after a full GC (MiB)", r -> r.heap().end(), "%,.0f"))
                .append(row("GCs during the rebuild", r -> r.heap().samples(), "%.0f"))
                .append("\nPercentiles are over the measured rounds (each row's figure per round, then p10/p50/p90 of those).\n")
                .append(liveHeap())
                .append(verdict())
                .append(method())
                .append(machine("the ratio, not the absolute rates"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, md + "\n" + analysis(file, ANALYSIS));
    }

    private String liveHeap() {
        HeapSamples.Figures heap = live.heap();
        return String.format("%nLive set of the JVM holding the service (broker, registry and the plain consumer's idle classes too) "
                + "during one more, untimed rebuild, a full GC every %,d ms: **%,.0f MiB before, p50 %,.0f MiB and max %,.0f MiB over "
                + "%d samples during it, %,.0f MiB after** (that rebuild: %,.0f events/s, slowed by the pauses).%n",
                liveEveryMillis, heap.start(), heap.p50(), heap.max(), heap.samples(), heap.end(), live.result().perSecond());
    }

    private String verdict() {
        double ratio = Rounds.percentile(rounds.stream().map(ReplayBenchmark.RoundResult::ratio).toList(), 50);
        HeapSamples.Figures heap = live.heap();
        String target = String.format("%nAgainst the target (p50): %.2fx plain decoding (target 0.5x): %s.", ratio,
                ratio >= 0.5 ? "met" : "**NOT met**");
        if (heap.samples() == 0) {
            return target + String.format(" Heap: **not measured**: the untimed rebuild ended before the first sample (every %,d ms); "
                    + "-Dbench.replay.liveHeapEveryMillis=… sets a shorter interval.%n", liveEveryMillis);
        }
        boolean flat = heap.max() <= heap.start() + 64 && heap.end() <= heap.start() + 64;
        return target + String.format(" Heap: the live set moves from %,.0f to at most %,.0f MiB during the rebuild, ending at %,.0f MiB: "
                + "%s.%n", heap.start(), heap.max(), heap.end(), flat ? "flat (within 64 MiB)" : "**not flat** (more than 64 MiB of growth)");
    }

    private String method() {
        return new StringBuilder("\n## How it was measured\n\n")
                .append("- Command: `./mvnw -Pbench -pl benchmarks -am package -DskipTests` runs all benchmarks; this one alone, after ")
                .append("`./mvnw -q -o install -DskipTests -pl benchmarks -am`: `./mvnw -Pbench -pl benchmarks compile exec:exec@replay-benchmark`. ")
                .append(String.format("It runs `se.stegvis.benchmarks.ReplayBenchmark` in a forked JVM with -Xmx2g. This run: -Dbench.replay.events=%d ", written.total()))
                .append(String.format("-Dbench.replay.warmUp=%d -Dbench.replay.rounds=%d (the defaults: 40,000, 0, 3, the target's size is -Dbench.replay.events=1000000).%n", warmUp, rounds.size()))
                .append("- One JVM holds the in-process KRaft broker (`SharedKafka`), the project's schema registry, reporting-service ")
                .append("(started with `SpringApplicationBuilder` on its own `application.yml`, its own consumer group) and the plain consumer. mongo-java-server ")
                .append("(memory backend, as in the tests) runs in a child JVM (-Xmx3g), so the read model it holds is not counted in the ")
                .append("service's heap.\n")
                .append(String.format("- Written once, before the rounds, with one batching producer (linger 20 ms, 256 KiB batches) and the "
                        + "project's serializer: %,d events about %,d invented participants in %d invented projects: %s. ", written.total(),
                        written.participants(), ReplayEvents.PROJECTS, written.byTopic()))
                .append("Projects on one partition, the three participant-keyed topics on three each. Per participant: an enrolment, a ")
                .append("correction for one in ten, 1 to 6 activities (one in twenty retracted), for seven in ten a leaving with an ")
                .append("outcome upon leaving and for half of those one at six months (one in twenty retracted), an erasure for one in a hundred.\n")
                .append("- Rebuild: `POST /api/admin/rebuild`, then `GET /api/admin/rebuild` every 20 ms until `DONE`; timed from the POST to ")
                .append("the first `DONE` (the store's emptying included). Checked every round: `replayed` and `toReplay` equal the events ")
                .append("written, and the service's metric `stegvis.consumer.applied` grew by exactly as many; no dead letters. Then, timed ")
                .append("apart, until the projection's group has committed the end of every topic: its checkpoint holds the rebuilt state. ")
                .append("The next round begins only then, so no measurement shares the cores with the writing of the last rebuild.\n")
                .append("- Baseline: a plain `KafkaConsumer` in a new consumer group each round, subscribed to the four topics from the ")
                .append("earliest offsets, 1,000 records per poll like the projection, values decoded by `ConfluentAvroDeserializer` with the ")
                .append("specific reader; it counts records and nothing else. Timed from the subscription (group join included) to the last record.\n")
                .append("- Second baseline, for the store's share: the same consumer, plus one unordered bulk insert per poll of one small ")
                .append("document per record (position and event type) into an empty collection of the same mongo-java-server. The service ")
                .append("instead writes each participant, activity and outcome once, in the checkpoint after the replay.\n")
                .append(String.format("- Rounds alternate which goes first; the service's own first projection at start-up warms it up, then %d ", warmUp))
                .append(String.format("warm-up round(s) and %d measured. Heap in the table: after every collection the JVM made on its own ", rounds.size()))
                .append("(young ones included, so it holds old garbage not yet collected); before and after: after `System.gc()`.\n")
                .toString();
    }

    /** Where it ran; {@code readThis} says which figure to trust on a shared machine. */
    static String machine(String readThis) {
        return String.format("%n## Machine%n%n- Measured %s; %d cores, %s %s (%s), %s %s, JVM arguments %s.%n"
                + "- A shared, noisy machine (another engineer's builds ran beside it): read %s.%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(), readThis);
    }

    /** The hand-written analysis of the file as it was, from its heading on, if any. */
    static String analysis(Path file, String heading) throws IOException {
        String placeholder = heading + "\n\n(to be written by hand after a run)\n";
        if (!Files.exists(file)) {
            return placeholder;
        }
        String previous = Files.readString(file);
        int at = previous.indexOf(heading);
        return at < 0 ? placeholder : previous.substring(at);
    }

    private String row(String label, ToDoubleFunction<ReplayBenchmark.RoundResult> figure, String format) {
        return Rounds.row(label, rounds.stream().map(figure::applyAsDouble).toList(), format);
    }
}
