package se.stegvis.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds {@code java} command lines for child JVMs: this JDK, the common JVM options, this class path. */
public record JavaCommand(String javaExecutable, List<String> jvmOptions, String classPath) {

    public static JavaCommand forThisJvm(StackSettings settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new JavaCommand(java, settings.jvmOptions(), System.getProperty("java.class.path"));
    }

    /** {@code java <options> <jvm options> -cp <launcher class path>}; append the main class and its arguments. */
    public List<String> command(String... options) {
        List<String> command = new ArrayList<>(plain(options));
        command.addAll(List.of("-cp", classPath));
        return command;
    }

    /** {@code java <options> <jvm options>}; append {@code -jar <file>} and its arguments. */
    public List<String> plain(String... options) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(Arrays.asList(options));
        command.addAll(jvmOptions);
        return command;
    }
}
