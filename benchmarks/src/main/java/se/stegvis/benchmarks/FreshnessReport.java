package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the freshness benchmark's figures, with how and where they were measured. Everything from the heading
 * {@value #ANALYSIS} on is written by hand and kept as it is when the figures are written again.
 */
final class FreshnessReport {

    static final String ANALYSIS = "## What the figures say";
    private static final double TARGET_P99_MILLIS = 250;

    private final FreshnessBenchmark.Result result;
    private final int rate;
    private final int seconds;
    private final int senders;

    FreshnessReport(FreshnessBenchmark.Result result, int rate, int seconds, int senders) {
        this.result = result;
        this.rate = rate;
        this.seconds = seconds;
        this.senders = senders;
    }

    void writeTo(Path file) throws IOException {
        List<Double> pipeline = result.pipeline().latenciesMillis();
        String md = new StringBuilder("# Freshness: from a recorded outcome's 201 to its change on the live stream\n\n")
                .append(String.format("Target: p99 below %.0f ms at %d commands/s for several minutes, beside plain Kafka produce→consume ", TARGET_P99_MILLIS, rate))
                .append("latency on the same broker at the same rate, measured at the same time.\n\n")
                .append("| latency (ms) | samples | p50 | p90 | p99 | max |\n| --- | --- | --- | --- | --- | --- |\n")
                .append(row("201 of `POST …/outcomes` → event on `GET /api/indicators/stream`", pipeline))
                .append(row("plain producer send → plain consumer receipt, at the same time", result.rawMillis()))
                .append(row("the same plain Kafka alone, before the load, on the idle broker", result.idleRawMillis()))
                .append(row("outcome command: request sent → 201 read (context)", result.commandMillis()))
                .append(String.format("%nCommands: %,d offered at %d/s over %d s; achieved %.1f/s (%.1f s from the first due time to the last answer); "
                        + "%,d answered 201, %,d refused%s.%n", result.commands().count(), rate, seconds, result.commands().perSecond(),
                        result.commands().elapsedNanos() / 1e9, result.commands().count() - result.refused(), result.refused(),
                        result.refused() == 0 ? "" : " (last: `" + result.lastRefusal().replace('\n', ' ') + "`)"))
                .append(String.format("Stream: %,d events received, the last showing `%s` = %,d. Outcomes never seen on the stream: %,d; "
                        + "shown by an event that arrived before their own 201 (not in the percentiles): %,d. Plain records sent %,d, "
                        + "received %,d.%n", result.streamEvents(), FreshnessBenchmark.INDICATOR, result.lastTotal(),
                        result.pipeline().neverSeen(), result.pipeline().seenBeforeTheirAck(), result.rawSent(), result.rawMillis().size()))
                .append(timeline())
                .append(verdict(pipeline))
                .append(method())
                .append(ReplayBenchmarkReport.machine("the comparison with plain Kafka in the same run, not the absolute figures alone"))
                .toString();
        Files.createDirectories(file.getParent());
        Files.writeString(file, md + "\n" + ReplayBenchmarkReport.analysis(file, ANALYSIS));
    }

    /** A latency row: the label, the samples, p50, p90, p99 and max. */
    static String row(String label, List<Double> millis) {
        if (millis.isEmpty()) {
            return "| " + label + " | 0 | – | – | – | – |\n";
        }
        return String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", label, millis.size(), Rounds.percentile(millis, 50),
                Rounds.percentile(millis, 90), Rounds.percentile(millis, 99), Rounds.percentile(millis, 100));
    }

    /** When each stream event arrived (seconds after the first command was due) and the total it showed. */
    /** The last event of every tenth second (the warm-up's before zero), so a lag that builds up shows without every event. */
    private String timeline() {
        StringBuilder line = new StringBuilder(String.format("%nStream events (%,d in all), the last of every ten seconds, seconds after the "
                + "first measured command was due: total shown. ", result.arrivals().size()));
        List<IndicatorStreamListener.Arrival> arrivals = result.arrivals();
        for (int i = 0; i < arrivals.size(); i++) {
            long second = Math.floorDiv(arrivals.get(i).nanos() - result.commands().startNanos(), 1_000_000_000L);
            boolean lastOfItsTen = i == arrivals.size() - 1
                    || Math.floorDiv(Math.floorDiv(arrivals.get(i + 1).nanos() - result.commands().startNanos(), 1_000_000_000L), 10) != Math.floorDiv(second, 10);
            if (lastOfItsTen) {
                line.append(String.format("%.1f: %,d; ", (arrivals.get(i).nanos() - result.commands().startNanos()) / 1e9, arrivals.get(i).total()));
            }
        }
        return line.append("\n").toString();
    }

    private String verdict(List<Double> pipeline) {
        if (pipeline.isEmpty()) {
            return "\nAgainst the target: **NOT met**, no outcome was seen on the stream.\n";
        }
        double p99 = Rounds.percentile(pipeline, 99);
        boolean met = p99 < TARGET_P99_MILLIS && result.pipeline().neverSeen() == 0 && seconds >= 120;
        return String.format("%nAgainst the target: p99 %.1f ms (target below %.0f ms) at %.1f commands/s for %d s, %,d never seen: %s. "
                + "Plain Kafka p99 in the same run: %.1f ms.%n", p99, TARGET_P99_MILLIS, result.commands().perSecond(), seconds,
                result.pipeline().neverSeen(), met ? "met" : "**NOT met**" + (p99 < TARGET_P99_MILLIS && seconds < 120
                        ? " as asked (the latency is below target, but this run was shorter than several minutes)" : ""),
                result.rawMillis().isEmpty() ? Double.NaN : Rounds.percentile(result.rawMillis(), 99));
    }

    private String method() {
        return new StringBuilder("\n## How it was measured\n\n")
                .append("- Command: `./mvnw -Pbench -pl benchmarks -am package -DskipTests` runs all benchmarks; this one alone, after ")
                .append("`./mvnw -q -o install -DskipTests -pl benchmarks -am`: `./mvnw -Pbench -pl benchmarks compile exec:exec@freshness-benchmark`. ")
                .append(String.format("It runs `se.stegvis.benchmarks.FreshnessBenchmark` in a forked JVM with -Xmx2g. This run: "
                        + "-Dbench.freshness.rate=%d -Dbench.freshness.seconds=%d (the defaults: 200 and 180; warm-up -Dbench.freshness.warmUpSeconds, default 30), %d sender threads.%n", rate, seconds, senders))
                .append("- One JVM holds the in-process KRaft broker (`SharedKafka`), the project's schema registry, outcome-service and ")
                .append("reporting-service (each started with `SpringApplicationBuilder` on its own `application.yml`, its own database) and the load; mongo-java-server ")
                .append("(memory backend, as in the tests) runs in a child JVM (`MongoWireProcess`).\n")
                .append(String.format("- Before the clock starts: one invented project and rate × (warm-up + measured seconds) = %,d invented "
                        + "participants, each ", result.commands().count() + FreshnessBenchmark.RATE * FreshnessBenchmark.WARM_UP_SECONDS))
                .append("enrolled and left on the same days (a batching producer, the project's serializer); the benchmark waits until ")
                .append("outcome-service's `Replica` knows every one as left and reporting-service's `GET /api/indicators` counts them all.\n")
                .append(String.format("- Warm-up: %d s of the same commands at the same rate on the first %,d of those participants, with the stream "
                        + "open, until the stream shows them all; not measured (JIT compilation, connection pools, caches). The measured "
                        + "commands go to the others.%n", FreshnessBenchmark.WARM_UP_SECONDS, FreshnessBenchmark.RATE * FreshnessBenchmark.WARM_UP_SECONDS))
                .append("- Commands: one `EMPLOYED` outcome per participant, dated within four weeks after leaving (so it counts for ")
                .append("`employed-upon-leaving`), `POST /api/participants/{id}/outcomes` over `HttpURLConnection`, open loop: command i is due ")
                .append("at start + i / rate by `nanoTime` and sent as soon as a sender thread is free; it never waits for a slow answer to ")
                .append("slow down. The time of each 201 is noted when its status line is read.\n")
                .append("- Stream: one client reads `GET /api/indicators/stream` line by line on its own thread and, for each event, notes the ")
                .append("time its `data` line arrived and the total of `employed-upon-leaving` it shows (the only project's column; withheld ")
                .append("counts would be skipped, none are at these sizes).\n")
                .append("- Attribution: the view carries a count, not outcome ids. The outcomes are numbered in the order their 201s arrived; ")
                .append("outcome k is fresh at the first event that arrived at or after its 201 and shows a total of at least k. The ")
                .append("projection's order follows the acknowledgement order only approximately (three partitions, several senders), so one ")
                .append("outcome's figure may be another's; the distribution over all of them is what this measures. After the last command, ")
                .append("the benchmark waits until the stream shows every acknowledged outcome, or nothing new arrives for 30 s (10 minutes at most).\n")
                .append("- Baseline, at the same time: a plain `KafkaProducer` (client defaults) sends 12-byte records carrying `nanoTime` at ")
                .append("the same rate, open loop the same way, to a topic of three partitions on the same broker; a plain `KafkaConsumer`, ")
                .append("assigned every partition from its end before the first send, notes receipt − send time. The same producer and ")
                .append(String.format("consumer also ran alone for %d s at the same rate before the load, so the table shows what the load ", FreshnessBenchmark.IDLE_SECONDS))
                .append("itself costs plain Kafka on this machine.\n")
                .toString();
    }
}
