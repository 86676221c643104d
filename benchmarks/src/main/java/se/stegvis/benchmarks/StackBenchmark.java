package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.stegvis.localstack.DemoMembers;
import se.stegvis.localstack.IssuerTokens;
import se.stegvis.localstack.JavaCommand;
import se.stegvis.localstack.KafkaBroker;
import se.stegvis.localstack.PortCheck;
import se.stegvis.localstack.PortUse;
import se.stegvis.localstack.StackPlan;
import se.stegvis.localstack.StackSettings;

/**
 * The three figures on the local stack as its users run it, with {@code bench.stack.participants} (100,000) invented
 * participants stored: the rebuild of reporting-service's view against a plain consumer ({@link StackRebuild}), a new
 * participant replica's catch-up ({@link ReplicaCatchUp}) and freshness under 200 outcome commands/s
 * ({@link StackFreshness}), each against a baseline measured in the same run.
 *
 * <p>The stack is started through its launcher on ports and a data directory of its own ({@link LaunchedStack}),
 * seeded through the services' APIs ({@link StackSeed}) or, when a seeding with the same key finished before, from a
 * copy of that seeding's data directory ({@link SeedCache}); the stack is always stopped, also when the benchmark fails
 * or is interrupted. The report, docs/benchmarks/stack.md, is written only when every figure was measured; a failed
 * run writes what it has to {@code <work dir>/stack-partial.md}, headed as incomplete.
 */
public final class StackBenchmark {

    private static final Duration START = Duration.ofMinutes(10);
    private static final Duration CATCH_UP = Duration.ofHours(4);

    private final StackBenchSettings settings;
    private final StackSettings stackSettings;
    private final IssuerTokens tokens;
    private final SeedCache cache;
    private final List<String> progress = new ArrayList<>();
    private volatile LaunchedStack launched;
    private volatile ReplicaCatchUp replica;
    private Phases phases;

    private StackBenchmark(StackBenchSettings settings) {
        this.settings = settings;
        this.stackSettings = settings.stack();
        this.tokens = IssuerTokens.of(stackSettings);
        this.cache = new SeedCache(settings.cacheDir());
    }

    /** Exits in every case, 0 only when the report was written; the shutdown hook stops the stack either way. */
    public static void main(String[] args) {
        // Without Spring nothing configures logback, which would print every Kafka client's debug lines.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // Keep-alive connections for every seeding client and sender (the JDK keeps 5 per address by default).
        System.setProperty("http.maxConnections", "64");
        StackBenchmark benchmark;
        try {
            benchmark = new StackBenchmark(StackBenchSettings.from(System.getProperties()));
        } catch (IllegalArgumentException e) {
            System.err.println("[bench] " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopEverything, "stack-benchmark-stop"));
        try {
            benchmark.run(Path.of(args.length > 0 ? args[0] : "docs/benchmarks/stack.md"));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            benchmark.writePartial(e);
            System.exit(1);
        }
    }

    private void run(Path report) throws Exception {
        refuseWhatCannotRun();
        phases = new Phases(this::pids);
        String key = settings.seedKey();
        boolean seedNow = cache.find(key).isEmpty();
        if (seedNow) {
            say("no seeded data directory for " + key + ": seeding one (" + settings.participants() + " participants)");
            SeedCache.delete(settings.dataDir());
            start("start the stack on an empty data directory");
            SeedManifest seeded = phases.run("seeding through the services' APIs",
                    () -> new StackSeed(settings, tokens, consumers()).seed(commit() + " on " + java.time.LocalDate.now()));
            awaitCaughtUp("check the view counts every participant", seeded);
            seeded.writeTo(settings.dataDir());
            stop();
            phases.run("keep a copy of the seeded data directory", () -> cache.keep(key, settings.dataDir()));
        } else {
            phases.run("copy the seeded data directory " + key, () -> cache.restore(key, settings.dataDir()));
        }
        SeedManifest seed = SeedManifest.readFrom(settings.dataDir());
        start("start the stack on the seeded data directory");
        awaitCaughtUp("wait until every consumer caught up", seed);
        StackUnderTest stack = stack();
        StackRebuild.Result rebuild = new StackRebuild(stack, phases, () -> consumers().awaitCaughtUp(CATCH_UP, seed.published(), () -> true))
                .measure(settings.rounds());
        note("1. rebuild: " + rebuild.rounds().size() + " rounds measured (" + rebuild.rounds().stream()
                .map(r -> String.format("rebuild %,.0f/s, plain %,.0f/s, ratio %.3f, checkpoint committed %.1f s after DONE",
                        r.rebuild().perSecond(), r.raw().perSecond(), r.ratio(), r.checkpointed()))
                .collect(java.util.stream.Collectors.joining("; ")) + ")");
        awaitCaughtUp("check the view after the rebuilds", seed);
        replica = new ReplicaCatchUp(stack, settings, phases);
        ReplicaCatchUp.Result catchUp = replica.measure(settings.rounds());
        note("2. replica catch-up: " + catchUp.rounds().size() + " rounds measured (" + catchUp.rounds().stream()
                .map(r -> String.format("%,d events at %,.0f/s from its start, %,.0f/s once applying, plain %,.0f/s",
                        r.events(), r.perSecond(), r.applyingPerSecond(), r.raw().perSecond()))
                .collect(java.util.stream.Collectors.joining("; ")) + ")");
        FreshnessBenchmark.Result freshness = phases.run("freshness: " + settings.rate() + " commands/s for " + settings.freshnessSeconds() + " s",
                () -> StackFreshness.measure(stack, settings, seed.poolIds()));
        note("3. freshness measured");
        stop();
        new StackReport(new StackReport.Run(settings, seed, seedNow, rebuild, catchUp, freshness, phases.done(), stackSettings.jvmOptions(),
                commit())).writeTo(report);
        say("written to " + report);
    }

    /** Before anything starts: every jar the launcher runs is built, and no port of the stack (or of the extra replica) is taken. */
    private void refuseWhatCannotRun() throws IOException {
        JavaCommand java = JavaCommand.forThisJvm(stackSettings);
        StackPlan plan = StackPlan.of(stackSettings, java, new KafkaBroker(stackSettings, java));
        if (!plan.skipped().isEmpty()) {
            throw new IllegalStateException("the stack would start without " + String.join("; ", plan.skipped()));
        }
        LaunchedStack.launcherClassPath(settings.root());
        List<PortUse> ports = new ArrayList<>(plan.ports());
        ports.add(new PortUse(settings.catchUpPort(), "the extra outcome-service", "bench.stack.portOffset"));
        ports.add(new PortUse(settings.catchUpManagementPort(), "the extra outcome-service's management", "bench.stack.portOffset"));
        Optional<String> problem = PortCheck.firstProblem(ports);
        if (problem.isPresent()) {
            throw new IllegalStateException("refusing to start: " + problem.get());
        }
    }

    private void start(String phase) throws Exception {
        phases.run(phase, () -> {
            launched = LaunchedStack.start(settings.stackValues(), settings.workDir().resolve("launcher.log"));
            launched.awaitRunning(START);
        });
    }

    private void stop() throws Exception {
        LaunchedStack stack = launched;
        phases.run("stop the stack", () -> {
            int code = stack.stop();
            say("the launcher exited with " + code);
        });
        launched = null;
    }

    private StackUnderTest stack() {
        return new StackUnderTest(stackSettings, launched, tokens);
    }

    private StackConsumers consumers() {
        return new StackConsumers(stack().bootstrapServers(), stack().managementPorts());
    }

    /** Until every event of the seeding is on its topic and applied everywhere, and reporting-service's view counts every participant. */
    private void awaitCaughtUp(String phase, SeedManifest seed) throws Exception {
        StackUnderTest stack = stack();
        phases.run(phase, () -> consumers().awaitCaughtUp(CATCH_UP, seed.published(), () -> participantsInView(stack) == seed.participants()));
    }

    private static final Pattern PARTICIPANTS = IndicatorStreamListener.total("participants");

    /** The consolidated total of participants in reporting-service's cross-project view (its last column); -1 when not known. */
    static long participantsInView(StackUnderTest stack) {
        try {
            String view = new StackCalls(stack.tokens()).get(stack.uri("reporting", "/api/indicators"), DemoMembers.OWNER).body();
            return lastTotal(view);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static long lastTotal(String view) {
        Matcher matcher = PARTICIPANTS.matcher(view);
        long total = -1;
        while (matcher.find()) {
            total = "null".equals(matcher.group(1)) ? -1 : Long.parseLong(matcher.group(1));
        }
        return total;
    }

    /** The processes whose CPU the phases account for: the stack's, the extra replica's, this benchmark's. */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        LaunchedStack stack = launched;
        if (stack != null && stack.isAlive()) {
            stack.processes().forEach((name, process) -> pids.put(name, process.pid()));
        }
        ReplicaCatchUp extra = replica;
        if (extra != null) {
            extra.pid().ifPresent(pid -> pids.put("extra outcome-service", pid));
        }
        pids.put("benchmark", ProcessHandle.current().pid());
        return pids;
    }

    private void stopEverything() {
        try {
            ReplicaCatchUp extra = replica;
            if (extra != null) {
                extra.stopRunning();
            }
            LaunchedStack stack = launched;
            if (stack != null) {
                say("stopping the stack");
                stack.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void note(String done) {
        progress.add(done);
    }

    /** What a failed run measured, headed as incomplete, beside the data; docs/benchmarks/stack.md is left as it was. */
    private void writePartial(Throwable failure) {
        Path partial = settings.workDir().resolve("stack-partial.md");
        StringBuilder md = new StringBuilder("# INCOMPLETE: the stack benchmark failed\n\n")
                .append("Not a result: the run stopped at\n\n```\n").append(failure).append("\n```\n\n")
                .append("Measured before it stopped: ").append(progress.isEmpty() ? "nothing" : String.join("; ", progress)).append(".\n\n")
                .append("The stack's logs: ").append(stackSettings.logDir()).append("; the launcher's: ")
                .append(settings.workDir().resolve("launcher.log")).append(".\n\n| phase | wall s |\n| --- | --- |\n");
        if (phases != null) {
            phases.done().forEach(phase -> md.append(String.format("| %s | %.1f |%n", phase.name(), phase.usage().wallSeconds())));
        }
        try {
            Files.createDirectories(partial.getParent());
            Files.writeString(partial, md.toString());
            say("the run failed; what it has is in " + partial);
        } catch (IOException e) {
            say("could not write " + partial + ": " + e.getMessage());
        }
    }

    /** The commit measured, and whether the working tree differed from it. */
    private String commit() {
        String head = git("rev-parse", "--short", "HEAD");
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return "`" + head + "`" + (changes.isBlank() ? "" : " with uncommitted changes");
    }

    private String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", settings.root().toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? output : "(git: " + output + ")";
        } catch (IOException e) {
            return "(no git: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
