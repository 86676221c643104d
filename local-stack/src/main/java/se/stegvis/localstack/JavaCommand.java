package se.stegvis.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Builds {@code java} command lines for child JVMs: this JDK, the common JVM options, this class path. */
public record JavaCommand(String javaExecutable, List<String> jvmOptions, String classPath) {

    public static JavaCommand forThisJvm(StackSettings settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new JavaCommand(java, settings.jvmOptions(), absolute(System.getProperty("java.class.path")));
    }

    /** The children run in the root directory, so relative class path entries must not stay relative. */
    static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** {@code java <options> <jvm options> -cp <launcher class path>}; append the main class and its arguments. */
    public List<String> command(String... options) {
        List<String> command = new ArrayList<>(plain(options));
        command.addAll(List.of("-cp", classPath));
        return command;
    }

    /**
     * {@code java <options> <jvm options>}; append {@code -jar <file>} and its arguments. Where the options choose a
     * garbage collector, the common options' choice is left out (a JVM refuses two).
     */
    public List<String> plain(String... options) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(Arrays.asList(options));
        boolean ownCollector = Arrays.stream(options).anyMatch(JavaCommand::choosesCollector);
        jvmOptions.stream().filter(option -> !(ownCollector && choosesCollector(option))).forEach(command::add);
        return command;
    }

    /** {@code -XX:+UseSerialGC}, {@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, … */
    static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }
}
