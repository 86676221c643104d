package se.stegvis.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Items handed to a fixed number of client threads, each item whole to one thread (so one participant's requests keep
 * their order), with a progress line after every tenth. The first failure stops the rest and is thrown.
 */
final class Parallel {

    private Parallel() {
    }

    /** Returns the seconds it took. */
    static <T> double each(List<T> items, int clients, String what, Consumer<T> action) throws InterruptedException {
        long start = System.nanoTime();
        if (items.isEmpty()) {
            return 0;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, items.size() / 10);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size() && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                        action.accept(items.get(i));
                        int finished = done.incrementAndGet();
                        if (finished % step == 0 || finished == items.size()) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            System.out.printf(Locale.ROOT, "[bench] %,d/%,d %s (%.0f s, %,.0f/s)%n", finished, items.size(), what, seconds,
                                    finished / seconds);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
