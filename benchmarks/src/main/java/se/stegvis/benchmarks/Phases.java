package se.stegvis.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The benchmark's phases in the order they ran, each with its wall time and the CPU time of every process of the
 * stack, of this benchmark and of the rest of the machine meanwhile ({@link ProcessCpu}): where each phase's time
 * went, for whoever makes the stack faster.
 */
final class Phases {

    record Phase(String name, ProcessCpu.Usage usage) {
    }

    private final Supplier<Map<String, Long>> pids;
    private final List<Phase> done = new ArrayList<>();

    /** @param pids the processes to account for, by name, asked again at each phase (they change between phases) */
    Phases(Supplier<Map<String, Long>> pids) {
        this.pids = pids;
    }

    <T> T run(String name, Callable<T> body) throws Exception {
        Map<String, Long> watched = new LinkedHashMap<>(pids.get());
        ProcessCpu.Reading start = ProcessCpu.read(watched);
        T result = body.call();
        watched.putAll(pids.get());
        record(name, ProcessCpu.between(start, ProcessCpu.read(watched)));
        return result;
    }

    void run(String name, ThrowingRunnable body) throws Exception {
        run(name, () -> {
            body.run();
            return null;
        });
    }

    private synchronized void record(String name, ProcessCpu.Usage usage) {
        done.add(new Phase(name, usage));
        System.out.printf("[bench] %s: %.1f s%n", name, usage.wallSeconds());
    }

    synchronized List<Phase> done() {
        return List.copyOf(done);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
