package se.stegvis.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import se.stegvis.localstack.ChildProcess;
import se.stegvis.localstack.JavaCommand;
import se.stegvis.localstack.KafkaBroker;
import se.stegvis.localstack.StackComponent;
import se.stegvis.localstack.StackPlan;

/**
 * Figure 2: how fast a new participant replica catches up. One more outcome-service JVM is started with the very
 * command line the launcher gives outcome-service (its JVM flags and arguments, read from the launcher's
 * {@link StackPlan}), but its own API and management ports, its own database, its own consumer instance id and its own
 * replica group; it is timed from its start until its replica's lag is 0 and it has applied every record of
 * {@code stegvis.projects.v1} and {@code stegvis.participants.v1}, from its metrics
 * ({@code stegvis_consumer_applied_total}, {@code stegvis_consumer_lag}, tag {@code group}). Against a plain consumer
 * that reads and decodes the same two topics, rounds alternating which goes first. Its database is dropped after each
 * round, and the JVM stopped.
 */
final class ReplicaCatchUp {

    private static final Duration GIVE_UP = Duration.ofHours(3);
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * @param toManagement seconds from the start until its management port answered (the JVM and Spring's start)
     * @param toFirst      seconds from the start until it had applied anything
     * @param caughtUp     from the start until caught up: the figure
     */
    record Round(ReplayBenchmark.Replayed raw, long events, double toManagement, double toFirst, double caughtUp, boolean rawFirst) {

        double perSecond() {
            return events / caughtUp;
        }

        /** The rate once it applies: from its first applied event to the last. */
        double applyingPerSecond() {
            return events / (caughtUp - toFirst);
        }

        double ratio() {
            return perSecond() / raw.perSecond();
        }
    }

    record Result(List<Round> rounds, Map<String, Long> byTopic) {
    }

    private final StackUnderTest stack;
    private final StackBenchSettings settings;
    private final Phases phases;
    private volatile ChildProcess running;

    ReplicaCatchUp(StackUnderTest stack, StackBenchSettings settings, Phases phases) {
        this.stack = stack;
        this.settings = settings;
        this.phases = phases;
    }

    Result measure(int rounds) throws Exception {
        Map<String, Long> byTopic = StackTopics.records(stack.bootstrapServers(), StackTopics.REPLICA);
        long events = StackTopics.total(byTopic);
        RawDecodingReplay raw = new RawDecodingReplay(stack.bootstrapServers(), stack.registryUrl(), StackTopics.REPLICA, GIVE_UP);
        List<Round> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean rawFirst = round % 2 == 1;
            int r = round;
            ReplayBenchmark.Replayed rawFirstRun = rawFirst ? phases.run("replica round " + (r + 1) + ": plain consumer", () -> raw.replay(events, r)) : null;
            double[] times = phases.run("replica round " + (r + 1) + ": new outcome-service replica", () -> catchUp(r, events));
            stopAndDrop(r);
            ReplayBenchmark.Replayed rawRun = rawFirst ? rawFirstRun : phases.run("replica round " + (r + 1) + ": plain consumer", () -> raw.replay(events, r));
            Round result = new Round(rawRun, events, times[0], times[1], times[2], rawFirst);
            System.out.printf("[bench] replica round %d: caught up with %,d events in %.1f s (%,.0f/s; management port after %.1f s, first event "
                    + "after %.1f s), plain %,.0f/s, ratio %.3f%n", round + 1, events, result.caughtUp(), result.perSecond(), result.toManagement(),
                    result.toFirst(), rawRun.perSecond(), result.ratio());
            results.add(result);
        }
        return new Result(results, byTopic);
    }

    /** The extra JVM's process, while one runs: found among this JVM's children by its instance id. */
    Optional<Long> pid() {
        if (running == null) {
            return Optional.empty();
        }
        return ProcessHandle.current().children()
                .filter(child -> LaunchedStack.commandLine(child).contains("--stegvis.kafka.instance-id=outcome-service.catch-up-"))
                .map(ProcessHandle::pid).findFirst();
    }

    /** The extra JVM of this round, if one runs: for the shutdown hook. */
    void stopRunning() throws InterruptedException {
        ChildProcess child = running;
        if (child != null) {
            child.stop(Duration.ofSeconds(30));
        }
    }

    private static String name(int round) {
        return "outcome-service.catch-up-" + (round + 1);
    }

    private static String database(int round) {
        return "stegvis-outcome-catch-up-" + (round + 1);
    }

    /** Seconds from the start to the management port's first answer, to the first event applied, to caught up. */
    private double[] catchUp(int round, long events) throws Exception {
        String group = name(round) + "-" + System.currentTimeMillis() + ".replica";
        List<String> command = command(outcomeServiceCommand(), round, group);
        Path log = stack.settings().logDir().resolve(name(round) + ".log");
        long start = System.nanoTime();
        running = ChildProcess.start(name(round), command, stack.settings().root(), log);
        double toManagement = Double.NaN;
        double toFirst = Double.NaN;
        while (true) {
            double now = (System.nanoTime() - start) / 1e9;
            if (!running.isAlive()) {
                throw new IllegalStateException("the extra outcome-service exited (code " + running.exitValue() + "): "
                        + String.join("\n", running.lastLogLines(20)));
            }
            if (now > GIVE_UP.toSeconds()) {
                throw new IllegalStateException("the extra outcome-service's replica did not catch up within " + GIVE_UP.toMinutes() + " minutes");
            }
            PrometheusText metrics = scrape();
            if (metrics != null) {
                toManagement = Double.isNaN(toManagement) ? now : toManagement;
                OptionalDouble applied = metrics.value("stegvis_consumer_applied_total", "group", group);
                OptionalDouble lag = metrics.value("stegvis_consumer_lag", "group", group);
                if (applied.isPresent() && applied.getAsDouble() > 0 && Double.isNaN(toFirst)) {
                    toFirst = now;
                }
                if (applied.orElse(0) >= events && lag.isPresent() && lag.getAsDouble() == 0) {
                    return new double[] {toManagement, toFirst, now};
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private PrometheusText scrape() throws InterruptedException {
        try {
            return PrometheusText.scrape(settings.catchUpManagementPort());
        } catch (java.io.IOException notYet) {
            return null;
        }
    }

    private void stopAndDrop(int round) throws InterruptedException {
        stopRunning();
        running = null;
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.settings().port("mongo"))) {
            mongo.getDatabase(database(round)).drop();
        }
    }

    /** What the launcher runs as outcome-service: its JVM flags and every argument it gives. */
    private List<String> outcomeServiceCommand() {
        JavaCommand java = JavaCommand.forThisJvm(stack.settings());
        StackPlan plan = StackPlan.of(stack.settings(), java, new KafkaBroker(stack.settings(), java));
        return plan.components().stream().filter(component -> component.logName().equals("outcome-service")).findFirst()
                .map(StackComponent::command).orElseThrow(() -> new IllegalStateException("the launcher's plan has no outcome-service"));
    }

    /**
     * The launcher's command with the arguments that would clash with the running outcome-service replaced (ports,
     * database, consumer instance id: each given once, since Spring joins a repeated argument's values) and its own
     * replica group added.
     */
    List<String> command(List<String> launchers, int round, String group) {
        List<String> command = new ArrayList<>();
        int replaced = 0;
        for (String argument : launchers) {
            replaced += argument.matches("--(server\\.port|management\\.server\\.port|spring\\.mongodb\\.uri|stegvis\\.kafka\\.instance-id)=.*") ? 1 : 0;
            if (argument.startsWith("--server.port=")) {
                command.add("--server.port=" + settings.catchUpPort());
            } else if (argument.startsWith("--management.server.port=")) {
                command.add("--management.server.port=" + settings.catchUpManagementPort());
            } else if (argument.startsWith("--spring.mongodb.uri=")) {
                command.add(argument.substring(0, argument.lastIndexOf('/') + 1) + database(round));
            } else if (argument.startsWith("--stegvis.kafka.instance-id=")) {
                command.add("--stegvis.kafka.instance-id=" + name(round));
            } else {
                command.add(argument);
            }
        }
        if (replaced != 4) {
            throw new IllegalStateException("the launcher's outcome-service command no longer has each of --server.port, "
                    + "--management.server.port, --spring.mongodb.uri and --stegvis.kafka.instance-id once: " + launchers);
        }
        command.add("--stegvis.replica.group-id=" + group);
        return command;
    }
}
