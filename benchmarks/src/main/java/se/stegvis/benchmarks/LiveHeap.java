package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM: {@code jcmd <pid> GC.run} (a full collection), then {@code jcmd <pid> GC.heap_info},
 * whose generations' used sizes are summed. What is left after a full collection is what the service holds, not the
 * garbage it has not collected yet; each reading costs the service a full pause, so it is taken only where the pause
 * does not disturb a timed figure.
 */
final class LiveHeap {

    /** A generation's line: "def new generation   total 9792K, used 5247K [...]", "PSYoungGen total …", "garbage-first heap total …". */
    private static final Pattern GENERATION = Pattern.compile("^\\s*\\S.*?\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K", Pattern.MULTILINE);

    private LiveHeap() {
    }

    /** MiB in use after a full collection. */
    static double afterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return usedMiB(jcmd(pid, "GC.heap_info"));
    }

    /** The heap's used size in MiB from GC.heap_info's output (Serial, Parallel or G1); NaN when no generation is named. */
    static double usedMiB(String heapInfo) {
        Matcher generation = GENERATION.matcher(heapInfo);
        long usedKiB = 0;
        boolean found = false;
        while (generation.find()) {
            usedKiB += Long.parseLong(generation.group(2));
            found = true;
        }
        return found ? usedKiB / 1024.0 : Double.NaN;
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
