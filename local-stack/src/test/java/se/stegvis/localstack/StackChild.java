package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One component of a running stack as an operating-system process: found by its command line, stopped or killed,
 * and started again exactly as the launcher started it (same command line, working directory and log file, read
 * from {@code /proc}, since {@link ProcessHandle.Info} cuts long command lines). Linux only, like the CI.
 */
final class StackChild {

    private static final Duration EXIT = Duration.ofSeconds(60);

    private final String name;
    private final ProcessHandle handle;
    private final List<String> command;
    private final Path workingDirectory;
    private final Path log;

    private StackChild(String name, ProcessHandle handle) {
        this.name = name;
        this.handle = handle;
        this.command = commandLine(handle.pid());
        this.workingDirectory = link(handle.pid(), "cwd");
        this.log = link(handle.pid(), "fd/1");
    }

    /** The one live process among {@code candidates} whose command line contains {@code part}. */
    static StackChild find(List<ProcessHandle> candidates, String name, String part) {
        List<ProcessHandle> matching = candidates.stream().filter(ProcessHandle::isAlive)
                .filter(process -> String.join(" ", commandLine(process.pid())).contains(part)).toList();
        assertThat(matching).as("the process of %s (command line with %s)", name, part).hasSize(1);
        return new StackChild(name, matching.get(0));
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return handle;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful close. */
    void kill() {
        handle.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, an orderly stop. */
    void stop() {
        handle.destroy();
        awaitExit();
    }

    /**
     * Starts the same command line again in the same directory, its output appended to the same log. The new process
     * is a child of this JVM, not of the launcher: whoever restarts a child must stop it in the end.
     */
    StackChild startAgain() {
        assertThat(handle.isAlive()).as("%s is still running", name).isFalse();
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        try {
            ChildProcess.start(name, command, workingDirectory, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // setsid execs the command in place: the new child shows the command line once that exec has happened.
        ProcessHandle started = await(name + " started again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> ProcessHandle.current().children().filter(child -> !before.contains(child.pid()))
                        .filter(child -> commandLine(child.pid()).equals(command)).findFirst(), Optional::isPresent).orElseThrow();
        return new StackChild(name, started);
    }

    private void awaitExit() {
        try {
            handle.onExit().get(EXIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + " did not exit within " + EXIT.toSeconds() + " s", e);
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            return List.of(); // it has exited meanwhile
        }
    }

    private static Path link(long pid, String entry) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid)).resolve(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
