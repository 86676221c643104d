package se.stegvis.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The local stack as {@code ./mvnw -Pstack} runs it: the launcher ({@code se.stegvis.localstack.LocalStack}) in a JVM
 * of its own, with the stack profile's JVM flags and class path and only the root, data directory and ports given,
 * so every child it starts gets the launcher's own flags and defaults. Its output goes to {@code launcher.log} beside
 * the data directory; its {@code [stack]} lines are echoed.
 *
 * <p>Stopping sends SIGTERM, as Ctrl-C would, and the launcher stops its children in order; whatever of its process
 * tree is still alive after that is killed. {@link #stop()} is safe to call twice and from a shutdown hook.
 */
final class LaunchedStack {

    /** The line the launcher prints once every component answers (LocalStack.RUNNING). */
    static final String RUNNING = "Stegvis is running";
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(4);

    private final Process launcher;
    private final Path log;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> seen = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private LaunchedStack(Process launcher, Path log) {
        this.launcher = launcher;
        this.log = log;
        Thread reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The launcher's class path as the stack profile gives it: its classes, then its runtime dependencies. */
    static String launcherClassPath(Path root) throws IOException {
        Path file = root.resolve("local-stack/target/launcher.classpath");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": build with the bench profile, which writes it "
                    + "(./mvnw -Pbench -pl benchmarks -am package -DskipTests -Dbench.stack.only=true)");
        }
        return root.resolve("local-stack/target/classes") + java.io.File.pathSeparator + Files.readString(file).trim();
    }

    static LaunchedStack start(Map<String, String> stackValues, Path log) throws IOException {
        Path root = Path.of(stackValues.get("stegvis.root"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As local-stack's stack profile starts it.
                "-Xmx128m", "-XX:+UseSerialGC"));
        stackValues.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-classpath", launcherClassPath(root), "se.stegvis.localstack.LocalStack"));
        Files.createDirectories(log.getParent());
        Files.writeString(log, "# " + String.join(" ", command) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return new LaunchedStack(process, log);
    }

    /** Until the launcher says the stack runs; fails with its last lines when it exits or takes longer. */
    void awaitRunning(Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (output.stream().noneMatch(line -> line.contains(RUNNING))) {
            if (!launcher.isAlive()) {
                launcher.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("the launcher exited (code " + launcher.exitValue() + ") before the stack ran:\n"
                        + lastLines(25));
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the stack did not run within " + timeout.toMinutes() + " minutes:\n" + lastLines(25));
            }
            Thread.sleep(250);
        }
        remember();
    }

    boolean isAlive() {
        return launcher.isAlive();
    }

    /**
     * The stack's processes by what they are ("Kafka", "MongoDB", "reporting-service", ...), read from their command
     * lines: the launcher's children and theirs.
     */
    Map<String, ProcessHandle> processes() {
        remember();
        Map<String, ProcessHandle> byName = new LinkedHashMap<>();
        byName.put("launcher", launcher.toHandle());
        for (ProcessHandle process : launcher.descendants().toList()) {
            name(commandLine(process)).ifPresent(name -> byName.putIfAbsent(name, process));
        }
        return byName;
    }

    /**
     * A process's command line, from Linux's {@code /proc/<pid>/cmdline}: {@code ProcessHandle.Info} gives no
     * arguments at all for one as long as Kafka's or the Mongo-wire server's (the launcher's whole class path).
     */
    static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return String.join(" ", process.info().arguments().map(List::of).orElse(List.of()));
        }
    }

    /** What a child of the launcher is, from its command line; empty for anything else (setsid, the storage format). */
    static Optional<String> name(String commandLine) {
        if (commandLine.contains("kafka.Kafka ")) {
            return Optional.of("Kafka");
        }
        if (commandLine.contains("MongoWireServer")) {
            return Optional.of("MongoDB");
        }
        for (String jar : List.of("schema-registry", "local-issuer", "participant-service", "activity-service", "outcome-service",
                "reporting-service")) {
            if (commandLine.contains("/" + jar + "-") && commandLine.contains("-exec.jar")) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }

    long pid(String name) {
        ProcessHandle process = processes().get(name);
        if (process == null) {
            throw new IllegalStateException("no " + name + " process under the launcher (pid " + launcher.pid() + ")");
        }
        return process.pid();
    }

    /**
     * SIGTERM to the launcher, which stops the services, then the registry, MongoDB and Kafka; then anything of its
     * tree still alive is killed. Returns the launcher's exit code.
     */
    synchronized int stop() throws InterruptedException {
        if (stopped) {
            return launcher.isAlive() ? -1 : launcher.exitValue();
        }
        stopped = true;
        remember();
        launcher.toHandle().destroy();
        if (!launcher.waitFor(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            say("the launcher did not stop within " + STOP_PATIENCE.toMinutes() + " minutes: killing it");
            launcher.destroyForcibly();
            launcher.waitFor(30, TimeUnit.SECONDS);
        }
        for (ProcessHandle process : seen) {
            if (process.isAlive()) {
                say("process " + process.pid() + " of the stack outlived the launcher: killing it");
                process.destroyForcibly();
            }
        }
        return launcher.isAlive() ? -1 : launcher.exitValue();
    }

    /** Every descendant seen so far, to kill should the launcher go first. */
    private void remember() {
        launcher.descendants().filter(process -> !seen.contains(process)).forEach(seen::add);
    }

    String lastLines(int count) {
        List<String> lines = List.copyOf(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND), true)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
                file.println(line);
                if (line.startsWith("[stack]") || line.startsWith("    ")) {
                    System.out.println("  " + line);
                }
            }
        } catch (IOException e) {
            output.add("(the launcher's output could not be read: " + e.getMessage() + ")");
        }
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
