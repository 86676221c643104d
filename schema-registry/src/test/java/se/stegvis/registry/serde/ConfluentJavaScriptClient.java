package se.stegvis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A third-party Confluent client in another language: {@code @kafkajs/confluent-schema-registry} on Node.js, driven
 * through interop/confluent-js/interop.mjs. Present where Node.js runs and {@code npm ci} was run in that folder
 * (CI does both); tests that need it are skipped elsewhere.
 */
final class ConfluentJavaScriptClient {

    private static final Path DIRECTORY = Path.of(System.getProperty("stegvis.interop.dir", "../interop/confluent-js"));

    private ConfluentJavaScriptClient() {
    }

    /**
     * Skips the calling test where Node.js or the client's modules are missing; where STEGVIS_NODE_TESTS=required (CI,
     * which installs them) their absence fails it instead, so CI can never pass without having run it.
     */
    static void assumeAvailable() {
        boolean here = available();
        String missing = "Node.js with interop/confluent-js/node_modules is not here";
        if ("required".equals(System.getenv("STEGVIS_NODE_TESTS"))) {
            assertThat(here).as(missing + " (STEGVIS_NODE_TESTS=required)").isTrue();
        }
        assumeTrue(here, missing);
    }

    static boolean available() {
        if (!Files.isDirectory(DIRECTORY.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            return false;
        }
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs one interop command and answers its standard output, line by line; fails on a non-zero exit. */
    static List<String> run(String... arguments) throws IOException, InterruptedException {
        return runWith(null, arguments);
    }

    /**
     * The same with the registry's credentials ("user:password", or null for none), handed over in the environment
     * ({@code REGISTRY_USER_INFO}) rather than on the command line, where any local user could read them.
     */
    static List<String> runWith(String userInfo, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "interop.mjs"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("interop", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIRECTORY.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("REGISTRY_USER_INFO");
        if (userInfo != null) {
            builder.environment().put("REGISTRY_USER_INFO", userInfo);
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("node " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("node " + String.join(" ", arguments) + " failed: " + String.join("\n", lines));
        }
        return lines;
    }
}
