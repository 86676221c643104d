package se.stegvis.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes the serde benchmark's figures, with how and where they were measured, as Markdown. */
final class SerdeBenchmarkReport {

    private final Rounds rounds;
    private final int recordsPerRound;
    private final int warmUpRounds;
    private final int measuredRounds;

    SerdeBenchmarkReport(Rounds rounds, int recordsPerRound, int warmUpRounds, int measuredRounds) {
        this.rounds = rounds;
        this.recordsPerRound = recordsPerRound;
        this.warmUpRounds = warmUpRounds;
        this.measuredRounds = measuredRounds;
    }

    void writeTo(Path file) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Serde throughput against plain Avro\n\n")
          .append("Target: the Confluent wire-format serde reaches at least 0.9x the throughput of plain Avro binary ")
          .append("encoding and decoding of the same records.\n\n")
          .append("| operation | ratio p10 | ratio p50 | ratio p90 | serde p50 (records/s) | plain Avro p50 (records/s) |\n")
          .append("| --- | --- | --- | --- | --- | --- |\n");
        rounds.byOperation().forEach((operation, pairs) -> {
            List<Double> ratios = Rounds.ratios(pairs);
            md.append(String.format("| %s | %.3f | %.3f | %.3f | %,.0f | %,.0f |%n", operation,
                    Rounds.percentile(ratios, 10), Rounds.percentile(ratios, 50), Rounds.percentile(ratios, 90),
                    Rounds.percentile(pairs.stream().map(SerdeBenchmark.Pair::serde).toList(), 50),
                    Rounds.percentile(pairs.stream().map(SerdeBenchmark.Pair::plain).toList(), 50)));
        });
        md.append("\n## How it was measured\n\n")
          .append("- Command: `./mvnw -Pbench -pl benchmarks -am package -DskipTests` (runs `se.stegvis.benchmarks.SerdeBenchmark` ")
          .append("in a forked JVM: -Xms512m -Xmx512m, ParallelGC).\n")
          .append("- Records: one of every Stegvis event type (the test suite's sample events), cycled; ")
          .append(String.format("%,d records per round, %d warm-up rounds, %d measured rounds.%n", recordsPerRound, warmUpRounds, measuredRounds))
          .append("- Serde: `ConfluentAvroSerializer` (header and union branch resolved once per topic and record type, then a direct ")
          .append("binary encoder into an unsynchronized buffer) ")
          .append("and `ConfluentAvroDeserializer` with `specific.avro.reader` (resolves to the generated classes). The registry is in ")
          .append("memory behind the same caching client the services use; after warm-up no call reaches it.\n")
          .append("- Baseline: plain Avro on the same records in the same JVM: `SpecificDatumWriter` of the record's own schema to a ")
          .append("reused buffered binary encoder (Avro's recommended way), and `SpecificDatumReader` back; writers and readers cached per schema as in the serde.\n")
          .append("- Each round times the serde and the baseline back to back, alternating which goes first; the ratio is ")
          .append("serde / baseline throughput within a round. Percentiles are over the measured rounds.\n\n")
          .append("## Machine\n\n")
          .append(String.format("- Measured %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS)))
          .append(String.format("- %d cores, %s %s (%s), max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                  System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                  Runtime.getRuntime().maxMemory() / (1024 * 1024)))
          .append(String.format("- %s %s%n", System.getProperty("java.vm.name"), System.getProperty("java.version")))
          .append(String.format("- JVM arguments: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments()))
          .append("- A shared, noisy machine: read the ratios, not the absolute rates.\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }
}
