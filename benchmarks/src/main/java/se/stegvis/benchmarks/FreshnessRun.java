package se.stegvis.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One freshness measurement, wherever the services run: plain Kafka alone on the idle broker first; then the warm-up's
 * commands (not measured) until the stream shows them all; then the measured commands, open loop at the rate, while
 * plain produce→consume latency is measured on the same broker at the same rate; then until the stream shows every
 * acknowledged outcome (or nothing new arrives for 30 s), and each outcome is matched to the first stream event that
 * shows it ({@link Freshness#attribute}).
 */
final class FreshnessRun {

    /** Commands for the participants numbered {@code first} to {@code first + count - 1}. */
    @FunctionalInterface
    interface Commands {
        OutcomeCommands of(int first, int count);
    }

    @FunctionalInterface
    interface Stream {
        IndicatorStreamListener open() throws Exception;
    }

    private final String bootstrapServers;
    private final int rate;
    private final int senders;
    private final int idleSeconds;
    private final Duration catchUpAtMost;
    private final Commands commands;
    private final Stream stream;

    /** @param catchUpAtMost how long the stream may take to show the last acknowledged outcome before the rest count as never seen */
    FreshnessRun(String bootstrapServers, int rate, int senders, int idleSeconds, Duration catchUpAtMost, Commands commands, Stream stream) {
        this.bootstrapServers = bootstrapServers;
        this.rate = rate;
        this.senders = senders;
        this.idleSeconds = idleSeconds;
        this.catchUpAtMost = catchUpAtMost;
        this.commands = commands;
        this.stream = stream;
    }

    FreshnessBenchmark.Result measure(int warmUp, int count) throws Exception {
        RawKafkaLatency raw = new RawKafkaLatency(bootstrapServers);
        List<Double> idle = Freshness.millis(raw.measure(new OpenLoop(rate, 4), rate * idleSeconds));
        System.out.printf("plain Kafka on the idle broker: p50 %.1f ms, p99 %.1f ms%n", Rounds.percentile(idle, 50), Rounds.percentile(idle, 99));
        OutcomeCommands measured = commands.of(warmUp, count);
        try (IndicatorStreamListener listener = stream.open()) {
            warmUp(listener, warmUp);
            CompletableFuture<long[]> rawLatencies = CompletableFuture.supplyAsync(() -> {
                try {
                    return raw.measure(new OpenLoop(rate, 4), count);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            OpenLoop.Run run = new OpenLoop(rate, senders).run(count, measured::record);
            System.out.printf("%,d commands in %.1f s (%.1f/s), %d refused%n", count, run.elapsedNanos() / 1e9, run.perSecond(), measured.refused());
            long[] rawNanos = rawLatencies.get();
            awaitQuiet(listener, warmUp + measured.acknowledged().length);
            Freshness pipeline = Freshness.attribute(measured.acknowledged(), listener.arrivals(), warmUp);
            return new FreshnessBenchmark.Result(pipeline, Freshness.millis(rawNanos), count, idle, Freshness.millis(measured.answerTimes()), run,
                    measured.refused(), measured.lastRefusal(), listener.events(), listener.lastTotal(), listener.arrivals());
        }
    }

    /** The warm-up's commands, not measured; then until the stream shows them all, so the clock starts on a quiet system. */
    private void warmUp(IndicatorStreamListener listener, int warmUp) throws Exception {
        if (warmUp == 0) {
            return;
        }
        OutcomeCommands warming = commands.of(0, warmUp);
        OpenLoop.Run run = new OpenLoop(rate, senders).run(warmUp, warming::record);
        awaitQuiet(listener, warmUp);
        if (warming.refused() > 0 || listener.lastTotal() != warmUp) {
            throw new IllegalStateException("warm-up: " + warming.refused() + " refused (" + warming.lastRefusal() + "), the stream shows "
                    + listener.lastTotal() + " of " + warmUp);
        }
        System.out.printf("warm-up: %,d commands in %.1f s, all on the stream%n", warmUp, run.elapsedNanos() / 1e9);
    }

    /** Until the stream shows every acknowledged outcome, or nothing new has arrived for 30 s, or {@code catchUpAtMost} has passed. */
    private void awaitQuiet(IndicatorStreamListener listener, int acknowledged) throws InterruptedException {
        long last = listener.lastTotal();
        long since = System.nanoTime();
        long giveUp = since + catchUpAtMost.toNanos();
        while (listener.lastTotal() < acknowledged && System.nanoTime() - since < TimeUnit.SECONDS.toNanos(30) && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            if (listener.lastTotal() != last) {
                last = listener.lastTotal();
                since = System.nanoTime();
            }
        }
    }
}
