package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by processes and by the whole machine, from Linux's {@code /proc}: read at the start and end of a
 * phase, the difference says where that phase's time went (which of the stack's processes, this benchmark, or
 * something else on the machine). Elsewhere than Linux every figure is NaN.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc}'s CPU times (USER_HZ), 100 on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100;

    /** CPU seconds by process name, and of the whole machine (every core), at one moment. */
    record Reading(long nanos, Map<String, Double> seconds, double machineBusySeconds) {
    }

    /** What a phase cost: CPU seconds per process, the machine's busy seconds, and its wall time. */
    record Usage(double wallSeconds, Map<String, Double> seconds, double machineBusySeconds) {

        /** The machine's busy time that none of the named processes used: other engineers' work, the kernel, … */
        double otherSeconds() {
            return machineBusySeconds - seconds.values().stream().filter(s -> !Double.isNaN(s)).mapToDouble(Double::doubleValue).sum();
        }
    }

    static Reading read(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, processSeconds(pid)));
        return new Reading(System.nanoTime(), seconds, machineBusySeconds());
    }

    static Usage between(Reading start, Reading end) {
        Map<String, Double> used = new LinkedHashMap<>();
        end.seconds().forEach((name, seconds) -> used.put(name, seconds - start.seconds().getOrDefault(name, 0.0)));
        return new Usage((end.nanos() - start.nanos()) / 1e9, used, end.machineBusySeconds() - start.machineBusySeconds());
    }

    /** User and system time of one process, from {@code /proc/<pid>/stat}; NaN when it cannot be read (gone). */
    static double processSeconds(long pid) {
        try {
            return processSeconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Fields 14 and 15 (utime, stime) of a stat line; the command name in parentheses may hold spaces. */
    static double processSeconds(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Every core's non-idle time since boot, from the first line of {@code /proc/stat}. */
    static double machineBusySeconds() {
        try {
            return machineBusySeconds(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** {@code cpu user nice system idle iowait irq softirq steal …}: all but idle and iowait. */
    static double machineBusySeconds(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }
}
