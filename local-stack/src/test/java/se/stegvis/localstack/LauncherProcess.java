package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The launcher as a real child process, started the way {@code ./mvnw -Pstack} starts it; its output is kept. */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(Path root, Path dataDir, StackPorts ports, String... extraProperties) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "-Dstegvis.root=" + root, "-Dstegvis.data.dir=" + dataDir));
        ports.asProperties().forEach((name, port) -> command.add("-D" + name + "=" + port));
        for (String property : extraProperties) {
            command.add("-D" + property);
        }
        command.add(LocalStack.class.getName());
        try {
            return new LauncherProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How long a whole stack may take to start in a test: seven JVMs one after another, about a minute on idle cores
     * and over five when the machine's other builds keep it at a load of 12 (seen in CI).
     */
    static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    void awaitRunning(Duration timeout) {
        await("the line '" + LocalStack.RUNNING + "'").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the launcher exited early:%n%s", String.join("\n", output)).isTrue();
            return printed(LocalStack.RUNNING);
        });
    }

    /** SIGTERM, as Ctrl-C would; asserts it stops every child and says so. */
    void stopAndAssertNothingLeft(Duration timeout) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(children).as("the launcher's child processes").isNotEmpty();
        // ProcessHandle.destroy sends SIGTERM like Process.destroy, but leaves the output pipe open to read the last lines.
        assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("the launcher exited").isTrue();
        await("the launcher's last words (it exited with " + process.exitValue() + ")")
                .atMost(Duration.ofSeconds(5)).until(() -> printed("[stack] stopped"));
        assertThat(children).as("child processes left running").noneMatch(ProcessHandle::isAlive);
    }

    boolean printed(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    List<String> output() {
        return output;
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("    launcher> " + line);
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output unreadable: " + e.getMessage() + ")");
        }
    }
}
