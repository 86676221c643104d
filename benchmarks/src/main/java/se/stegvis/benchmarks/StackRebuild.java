package se.stegvis.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Figure 1: reporting-service's rebuild on the stack ({@code POST /api/admin/rebuild} as {@code admin}, then
 * {@code GET} until {@code DONE}) against a plain consumer that reads and decodes the same four topics, in rounds that
 * alternate which goes first; and reporting-service's heap meanwhile.
 *
 * <p>After each rebuild, the time from its {@code DONE} until its checkpoint is in the store and the projection's offsets
 * are committed at the end (until then a restart would replay from the start): the next round begins only then, so
 * that no round pays for the one before.
 *
 * <p>Heap in a timed round: its live heap (after a full collection, by {@code jcmd}) before and after, and during it
 * the heap used as its actuator reports it every two seconds (garbage included: a full collection would stall the
 * rebuild being timed). The live heap during a rebuild is taken in one more, untimed rebuild, a full collection every
 * {@value #LIVE_EVERY_MILLIS} ms from the request until DONE (a rebuild now takes seconds; at one every 5 s, as before,
 * none fell inside it); "after" is read once that rebuild's checkpoint is committed, as in the timed rounds, and the
 * reading at DONE is reported beside it: then the checkpoint holds its copy of the whole view, on its way to the store.
 */
final class StackRebuild {

    static final String PROJECTION_GROUP = "reporting-service.projection";
    static final int LIVE_EVERY_MILLIS = 250;
    private static final Duration USED_EVERY = Duration.ofSeconds(2);
    private static final Duration GIVE_UP = Duration.ofHours(4);

    /** @param usedDuring the actuator's heap used during the rebuild, MiB, one sample each two seconds */
    /** @param checkpointed seconds from the rebuild's DONE until its offsets were committed at the end */
    record Round(ReplayBenchmark.Replayed raw, ReplayBenchmark.Replayed rebuild, boolean rawFirst, double liveBefore,
                 List<Double> usedDuring, double liveAfter, double checkpointed) {

        double ratio() {
            return rebuild.perSecond() / raw.perSecond();
        }
    }

    /**
     * @param live before, during (POST to DONE) and after (its checkpoint committed) the untimed rebuild
     * @param liveAtDone the live heap read at DONE, while the rebuild's first checkpoint holds its copy of the view
     */
    record Result(List<Round> rounds, HeapSamples.Figures live, double liveAtDone, ReplayBenchmark.Replayed liveRebuild,
                  Map<String, Long> byTopic) {

        long events() {
            return StackTopics.total(byTopic);
        }
    }

    private final StackUnderTest stack;
    private final Phases phases;
    /** Waits until every group of the stack has committed the end of what it reads; returns how long that took. */
    private final Callable<Duration> checkpointed;

    StackRebuild(StackUnderTest stack, Phases phases, Callable<Duration> checkpointed) {
        this.stack = stack;
        this.phases = phases;
        this.checkpointed = checkpointed;
    }

    Result measure(int rounds) throws Exception {
        Map<String, Long> byTopic = StackTopics.records(stack.bootstrapServers(), StackTopics.ALL);
        long events = StackTopics.total(byTopic);
        int managementPort = stack.managementPort("reporting");
        ServiceReplay rebuild = new ServiceReplay(stack.url("reporting", ""), () -> stack.bearer("admin"),
                () -> metric(managementPort, "stegvis_consumer_applied_total"), () -> metric(managementPort, "stegvis_consumer_dead_lettered_total"),
                Duration.ofMillis(200), GIVE_UP);
        RawDecodingReplay raw = new RawDecodingReplay(stack.bootstrapServers(), stack.registryUrl(), StackTopics.ALL, GIVE_UP);
        double deadLettersBefore = rebuild.deadLetters();
        List<Round> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean rawFirst = round % 2 == 0;
            int r = round;
            ReplayBenchmark.Replayed rawFirstRun = rawFirst ? phases.run("rebuild round " + (r + 1) + ": plain consumer", () -> raw.replay(events, r)) : null;
            double before = LiveHeap.afterFullGc(stack.pid("reporting-service"));
            List<Double> used = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> used.add(heapUsed(managementPort)), 0, USED_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            ReplayBenchmark.Replayed rebuilt;
            try {
                rebuilt = phases.run("rebuild round " + (r + 1) + ": reporting-service", () -> rebuild.replay(events));
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(30, TimeUnit.SECONDS);
            }
            Duration toCheckpoint = phases.run("rebuild round " + (r + 1) + ": until its checkpoint is committed", checkpointed);
            double after = LiveHeap.afterFullGc(stack.pid("reporting-service"));
            ReplayBenchmark.Replayed rawRun = rawFirst ? rawFirstRun
                    : phases.run("rebuild round " + (r + 1) + ": plain consumer", () -> raw.replay(events, r));
            Round result = new Round(rawRun, rebuilt, rawFirst, before, List.copyOf(used), after, toCheckpoint.toNanos() / 1e9);
            System.out.printf("[bench] rebuild round %d: plain %,.0f events/s, rebuild %,.0f events/s (%.1f s), ratio %.3f; "
                    + "checkpoint committed %.1f s after; live heap %.0f -> %.0f MiB%n",
                    round + 1, rawRun.perSecond(), rebuilt.perSecond(), rebuilt.nanos() / 1e9, result.ratio(), result.checkpointed(), before, after);
            results.add(result);
        }
        HeapSamples.Measured<ReplayBenchmark.Replayed> live = phases.run("rebuild with the live heap sampled (untimed)",
                () -> liveDuring(() -> rebuild.replay(events), stack.pid("reporting-service")));
        phases.run("the untimed rebuild: until its checkpoint is committed", checkpointed);
        double settled = LiveHeap.afterFullGc(stack.pid("reporting-service"));
        if (rebuild.deadLetters() != deadLettersBefore) {
            throw new IllegalStateException((rebuild.deadLetters() - deadLettersBefore) + " records were dead-lettered during the rebuilds");
        }
        HeapSamples.Figures atDone = live.heap();
        HeapSamples.Figures figures = new HeapSamples.Figures(atDone.start(), atDone.p50(), atDone.max(), settled, atDone.samples());
        return new Result(results, figures, atDone.end(), live.result(), byTopic);
    }

    /** The live heap before, every {@value #LIVE_EVERY_MILLIS} ms during and after the call, each after a full collection. */
    static <T> HeapSamples.Measured<T> liveDuring(Callable<T> run, long pid) throws Exception {
        return HeapSamples.liveDuring(run, LIVE_EVERY_MILLIS, () -> {
            try {
                return LiveHeap.afterFullGc(pid);
            } catch (Exception e) {
                return Double.NaN;
            }
        });
    }

    private static double heapUsed(int managementPort) {
        try {
            return PrometheusText.scrape(managementPort).sum("jvm_memory_used_bytes", "area", "heap") / (1024.0 * 1024);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static double metric(int managementPort, String name) {
        try {
            return PrometheusText.scrape(managementPort).value(name, "group", PROJECTION_GROUP).orElseThrow(() ->
                    new IllegalStateException("reporting-service has no " + name + "{group=\"" + PROJECTION_GROUP + "\"}"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reporting-service's metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
