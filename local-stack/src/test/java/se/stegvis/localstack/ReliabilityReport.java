package se.stegvis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one FaultToleranceIT run as Markdown: what was sent, accepted, counted and how soon. */
final class ReliabilityReport {

    /** One fault under load, checked once the stack converged. */
    record FaultFigures(String scenario, String fault, String downtime, Ledger ledger, long acceptedDuringFault,
                        Convergence.Result converged, Convergence.EventFigures events, Duration afterRecovery,
                        Duration afterLastAccepted, List<Redelivery.Measured> redelivered) {
    }

    /**
     * One rebuild of reporting-service's read model: its views compared with those before, its checkpoint with every
     * ledger so far ({@code readModelDifferences} lines of {@link ReadModelAudit} still there after {@code readModelTook}).
     */
    record RebuildFigures(String scenario, int records, int views, boolean equal, Duration took, int readModelDifferences,
                          Duration readModelTook) {
    }

    private final Instant began = Instant.now();
    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    private final List<FaultFigures> faults = new ArrayList<>();
    private final List<RebuildFigures> rebuilds = new ArrayList<>();
    private Duration stackStart = Duration.ZERO;

    void stackStarted(Duration took) {
        stackStart = took;
    }

    void add(FaultFigures figures) {
        faults.add(figures);
    }

    void add(RebuildFigures figures) {
        rebuilds.add(figures);
    }

    void write(Path file) {
        StringBuilder text = new StringBuilder("# FaultToleranceIT: figures of one run\n\n");
        text.append("Run ").append(began.truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machine())
                .append("; the stack started in ").append(seconds(stackStart)).append(" s, the run took ")
                .append(seconds(Duration.between(began, Instant.now()))).append(String.format(Locale.ROOT,
                        " s; load average (1 min) %.1f at the start, %.1f at the end.%n%n", loadAtStart,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        text.append("| scenario | fault | commands sent | HTTP attempts | retries "
                + "| accepted (enrolments / activities / outcomes / retractions of activities / of outcomes) "
                + "| accepted during the fault "
                + "| the view (all loads so far): participants / guided / stepped forward / employed or studying, expected "
                + "| distinct events on the topics | counted twice "
                + "| redelivered records | events applied again by a killed consumer (after its offsets were set back) "
                + "| exact view after recovery | after the last accepted command |\n");
        text.append("|---|---|---:|---:|---|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (FaultFigures row : faults) {
            Ledger ledger = row.ledger();
            Convergence.ViewCounts view = row.converged().view();
            Convergence.ViewCounts expected = row.converged().expected();
            text.append(String.format(Locale.ROOT, "| %s | %s: %s | %d | %d | %s | %d / %d / %d / %d / %d | %d "
                            + "| %d / %d / %d / %d, %d / %d / %d / %d | %d | %d | %d | %s | %s s | %s s |%n",
                    row.scenario(), row.fault(), row.downtime(), ledger.commands(), ledger.attempts(),
                    retries(ledger.retries()), ledger.count(Ledger.Kind.ENROLMENT), ledger.count(Ledger.Kind.ACTIVITY),
                    ledger.count(Ledger.Kind.OUTCOME), ledger.count(Ledger.Kind.ACTIVITY_RETRACTION),
                    ledger.count(Ledger.Kind.OUTCOME_RETRACTION), row.acceptedDuringFault(), view.participants(), view.guided(),
                    view.steppedForward(), view.employedOrStudying(), expected.participants(), expected.guided(),
                    expected.steppedForward(), expected.employedOrStudying(),
                    row.events().distinct(), row.events().countedTwice(), row.events().redelivered(), redelivered(row.redelivered()),
                    seconds(row.afterRecovery()),
                    seconds(row.afterLastAccepted())));
        }
        text.append("\n| rebuild | records on the four topics | views compared (each CURRENT) | same as before | exact view after "
                + "| read model as every ledger so far | after |\n");
        text.append("|---|---:|---:|---|---:|---|---:|\n");
        for (RebuildFigures row : rebuilds) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s s | %s | %s s |%n", row.scenario(), row.records(), row.views(),
                    row.equal() ? "yes" : "**no**", seconds(row.took()),
                    row.readModelDifferences() == 0 ? "yes" : "**no**: " + row.readModelDifferences() + " differences",
                    seconds(row.readModelTook())));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String redelivered(List<Redelivery.Measured> measured) {
        return measured.isEmpty() ? "-" : String.join(", ", measured.stream().map(Redelivery.Measured::describe).toList());
    }

    private static String retries(Map<String, Integer> retries) {
        if (retries.isEmpty()) {
            return "0";
        }
        StringBuilder text = new StringBuilder();
        retries.forEach((reason, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(reason));
        return text.toString();
    }

    private static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%s %s, %d cores, %d GiB RAM, Java %s", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)), System.getProperty("java.version"));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
