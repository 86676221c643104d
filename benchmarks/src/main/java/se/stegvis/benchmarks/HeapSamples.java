package se.stegvis.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Used heap while something runs, in two ways. {@link #during}: after every collection the JVM makes on its own (young
 * ones included, so the figures hold old garbage not yet collected), which costs the run nothing. {@link #liveDuring}:
 * a full collection every few seconds and the heap used after it, the live set, which costs the run its pauses.
 */
final class HeapSamples {

    /** Used heap in MiB: before the run (after a full GC), p50 and max of the samples during it, after it (after a full GC). */
    record Figures(double start, double p50, double max, double end, int samples) {
    }

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;

    HeapSamples() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(this::collected, null, null);
        }
    }

    <T> Measured<T> during(Callable<T> run) throws Exception {
        double start = liveHeap();
        samples.clear();
        recording = true;
        try {
            T result = run.call();
            recording = false;
            return new Measured<>(result, figures(start, List.copyOf(samples), liveHeap()));
        } finally {
            recording = false;
        }
    }

    <T> Measured<T> liveDuring(Callable<T> run, long everyMillis) throws Exception {
        return liveDuring(run, everyMillis, HeapSamples::liveHeap);
    }

    /**
     * The live heap as {@code liveHeap} reads it (this JVM's, or another's): before the call, every
     * {@code everyMillis} during it (a reading that fails is NaN and left out), and after it.
     */
    static <T> Measured<T> liveDuring(Callable<T> run, long everyMillis, DoubleSupplier liveHeap) throws Exception {
        double start = liveHeap.getAsDouble();
        List<Double> live = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> live.add(liveHeap.getAsDouble()), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        T result;
        try {
            result = run.call();
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(1, TimeUnit.MINUTES);
        }
        List<Double> read = live.stream().filter(value -> !Double.isNaN(value)).toList();
        return new Measured<>(result, figures(start, read, liveHeap.getAsDouble()));
    }

    record Measured<T>(T result, Figures heap) {
    }

    static double liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    }

    private static Figures figures(double start, List<Double> during, double end) {
        if (during.isEmpty()) {
            return new Figures(start, Double.NaN, Double.NaN, end, 0);
        }
        return new Figures(start, Rounds.percentile(during, 50), Collections.max(during), end, during.size());
    }

    private void collected(Notification notification, Object handback) {
        if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        samples.add(used / (1024.0 * 1024));
    }
}
