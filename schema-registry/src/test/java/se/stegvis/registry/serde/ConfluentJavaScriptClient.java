package se.stegvis.registry.serde;

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
