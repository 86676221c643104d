package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Writes the enrolment benchmark's figures, with how and where they were measured. */
final class EnrolmentBenchmarkReport {

    private final List<EnrolmentBenchmark.RoundResult> rounds;
    private final int clients;
    private final int perRound;
    private final int warmUp;

    EnrolmentBenchmarkReport(List<EnrolmentBenchmark.RoundResult> rounds, int clients, int perRound, int warmUp) {
        this.rounds = rounds;
        this.clients = clients;
        this.perRound = perRound;
        this.warmUp = warmUp;
    }

    void writeTo(Path file) throws IOException {
        StringBuilder md = new StringBuilder("# Enrolments through HTTP with the outbox, against plain inserts\n\n")
                .append("Target: at least 1,000 enrolments/s, and at least 0.5x the rate of plain single-document inserts ")
                .append("of the same documents, measured in the same run.\n\n")
                .append("| figure | p10 | p50 | p90 |\n| --- | --- | --- | --- |\n")
                .append(row("ratio http / plain inserts", EnrolmentBenchmark.RoundResult::ratio, "%.3f"))
                .append(row("ratio use case without HTTP / plain inserts", EnrolmentBenchmark.RoundResult::directRatio, "%.3f"))
                .append(row("enrolments/s through HTTP", r -> r.http().perSecond(), "%,.0f"))
                .append(row("enrolments/s through the use case, no HTTP", r -> r.direct().perSecond(), "%,.0f"))
                .append(row("plain inserts/s", r -> r.plain().perSecond(), "%,.0f"))
                .append(row("enrolment latency p50 (ms)", r -> r.http().percentileMillis(50), "%.2f"))
                .append(row("enrolment latency p99 (ms)", r -> r.http().percentileMillis(99), "%.2f"))
                .append(row("plain insert latency p99 (ms)", r -> r.plain().percentileMillis(99), "%.2f"))
                .append("\nPercentiles are over the measured rounds (each row's figure per round, then p10/p50/p90 of those).\n")
                .append(verdict())
                .append("\nWhere the time goes, and why the ratio is what it is on this machine: [enrolment-analysis.md](enrolment-analysis.md).\n")
                .append("\n## How it was measured\n\n")
                .append("- Command: `./mvnw -Pbench -pl benchmarks -am package -DskipTests` (runs `se.stegvis.benchmarks.EnrolmentBenchmark` ")
                .append("in a forked JVM with -Xmx2g, after the serde benchmark).\n")
                .append("- One JVM holds a real KRaft broker (in-process), the project's schema registry, mongo-java-server (memory ")
                .append("backend, as in the tests) and participant-service; the outbox relay publishes to the broker during the run.\n")
                .append(String.format("- %d concurrent HTTP clients (HTTP/1.1), %,d enrolments of invented people per round into ", clients, perRound))
                .append("project 23-079-S13; each a full enrolment: JSON, validation (identity number, project period, target group), ")
                .append("duplicate check, AES-GCM sealing, one document write with its outbox entry.\n")
                .append("- Use case without HTTP: the same enrolments (other invented people, project 23-069-S06) through the service's ")
                .append("`EnrolParticipant` bean from the same number of threads: everything but HTTP and JSON. It splits the gap ")
                .append("between plain inserts and HTTP enrolments into the command's own work and the web layer's.\n")
                .append(String.format("- Baseline: the same number of `insertOne` calls of the documents the service stored, from %d threads, ", clients))
                .append("into a fresh collection of the same server with the service's indexes (unique duplicate fingerprint and ")
                .append("Idempotency-Key, project). Rounds alternate which goes first; ")
                .append(String.format("%d warm-up rounds, %d measured.%n", warmUp, rounds.size()))
                .append("\n## Machine\n\n")
                .append(String.format("- Measured %s; %d cores, %s %s, %s %s; a shared, noisy machine.%n",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
                        System.getProperty("java.version")));
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }

    private String verdict() {
        double rate = Rounds.percentile(rounds.stream().map(r -> r.http().perSecond()).toList(), 50);
        double ratio = Rounds.percentile(rounds.stream().map(EnrolmentBenchmark.RoundResult::ratio).toList(), 50);
        boolean met = rate >= 1_000 && ratio >= 0.5;
        return String.format("%nAgainst the target (p50): %,.0f enrolments/s (target 1,000) and %.2fx plain inserts (target 0.5x): %s.%n",
                rate, ratio, met ? "met" : "NOT met");
    }

    private String row(String label, ToDoubleFunction<EnrolmentBenchmark.RoundResult> figure, String format) {
        return Rounds.row(label, rounds.stream().map(figure::applyAsDouble).toList(), format);
    }
}
