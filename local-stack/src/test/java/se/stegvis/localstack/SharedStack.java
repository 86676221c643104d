package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for the test classes of this JVM that ask for it ({@code @ExtendWith(SharedStack.class)} and a
 * {@link Running} parameter): started the way {@code ./mvnw -Pstack} starts it, on free ports and a temporary data
 * directory, the first time a class needs it. It is stopped once every class of {@link #USERS} has run (they run
 * first, see {@code junit-platform.properties}), so that it does not idle beside the stacks of other tests; should one
 * of them not run, when the whole test run ends (JUnit closes what its root store holds). Its component logs are
 * copied to {@code target/shared-stack-logs}.
 */
final class SharedStack implements ParameterResolver, AfterAllCallback {

    /** The classes that share the stack; the first one to run starts it, the last one stops it. */
    static final Set<String> USERS = Set.of("EndToEndIT", "BadInputSweepIT", "AccessMatrixIT", "ReadmeWalkthroughIT");

    static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** The running stack: where it listens and where its data and logs are. */
    record Running(StackPorts ports, Path dataDir, LauncherProcess launcher) implements AutoCloseable {

        ServiceUrls urls() {
            return ServiceUrls.onLoopback(ports);
        }

        String bootstrapServers() {
            return "127.0.0.1:" + ports.port("kafka");
        }

        String registryUrl() {
            return "http://127.0.0.1:" + ports.port("registry");
        }

        Path logs() {
            return dataDir.resolve("logs");
        }

        @Override
        public void close() throws Exception {
            launcher.process().toHandle().destroy();
            launcher.process().waitFor(2, TimeUnit.MINUTES);
            launcher.close();
            copyLogs(logs(), ROOT.resolve("local-stack/target/shared-stack-logs"));
            deleteRecursively(dataDir);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        @SuppressWarnings("unchecked")
        Set<String> done = store.computeIfAbsent("done", key -> ConcurrentHashMap.<String>newKeySet(), Set.class);
        done.add(context.getRequiredTestClass().getSimpleName());
        Running running = store.get(Running.class, Running.class);
        if (running != null && done.containsAll(USERS)) {
            store.remove(Running.class);
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> start(), Running.class);
    }

    private static Running start() {
        for (String module : List.of("schema-registry", "local-issuer", "participant-service", "activity-service",
                "outcome-service", "reporting-service")) {
            assertThat(StackPlan.executableJar(ROOT, module)).as("build the services first (./mvnw install -DskipTests)").isRegularFile();
        }
        try {
            Path dataDir = Files.createTempDirectory("stegvis-shared-stack");
            StackPorts ports = StackPorts.free();
            LauncherProcess launcher = LauncherProcess.start(ROOT, dataDir, ports);
            try {
                launcher.awaitRunning(LauncherProcess.START_TIMEOUT);
            } catch (RuntimeException | Error failed) {
                launcher.close();
                throw failed;
            }
            return new Running(ports, dataDir, launcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyLogs(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> logs = Files.list(from)) {
            for (Path log : logs.toList()) {
                Files.copy(log, to.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
