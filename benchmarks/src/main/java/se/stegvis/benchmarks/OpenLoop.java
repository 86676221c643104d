package se.stegvis.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls at a fixed rate, scheduled by {@code nanoTime}: call i is due at start + i / rate and made as soon as a
 * thread is free at or after that time. It never slows down when behind (open loop), so a slow service shows up as
 * latency, not as a lower offered rate; only running out of threads would lower it, and the achieved rate says so.
 */
final class OpenLoop {

    record Run(int count, long startNanos, long elapsedNanos) {
        double perSecond() {
            return count / (elapsedNanos / 1e9);
        }
    }

    private final double rate;
    private final int threads;

    OpenLoop(double rate, int threads) {
        this.rate = rate;
        this.threads = threads;
    }

    Run run(int count, EnrolmentLoad.Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long due = start + (long) (i * 1e9 / rate);
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        call.make(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return new Run(count, start, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }
}
