package se.stegvis.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose output goes to a log file. On Linux it runs in its own session ({@code setsid}), so a Ctrl-C
 * in the terminal reaches only the launcher, which then stops the children in order.
 */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Path workingDirectory, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> fullCommand = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        Process process = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        return new ChildProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Runs {@code action} when the process exits, for whatever reason. */
    public void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to exit; true when it has. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the process to stop (SIGTERM), then kills it when it has not exited within {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println("[stack] " + name + " did not stop within " + timeout.toSeconds() + " s: killing it");
            process.destroyForcibly();
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last lines of the log, for a failure report. */
    public List<String> lastLogLines(int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }
}
