package se.stegvis.outbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The value of an outbox backlog gauge, counted off the scraping thread and waited for at most {@link #WAIT}. A count
 * asks MongoDB, and with MongoDB away the driver waits for server selection (30 s by default), longer than a
 * Prometheus scrape may take (10 s by default): the whole scrape, every other meter of the service with it, would be
 * lost just when it matters. So a scrape waits at most {@link #WAIT} and otherwise reports NaN ("unknown"). A count
 * still running is joined, never started twice, so scrapes do not pile queries up on a store that does not answer.
 */
final class PendingGauge {

    static final Duration WAIT = Duration.ofSeconds(2);

    private final LongSupplier count;
    private final Executor executor;
    private final Duration wait;
    private CompletableFuture<Long> counting;

    PendingGauge(LongSupplier count, Executor executor) {
        this(count, executor, WAIT);
    }

    PendingGauge(LongSupplier count, Executor executor, Duration wait) {
        this.count = count;
        this.executor = executor;
        this.wait = wait;
    }

    /** The backlog now, or NaN when it could not be counted within the wait. */
    double value() {
        try {
            return counting().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (ExecutionException | TimeoutException | RuntimeException e) { // RejectedExecution: the relay stopped
            return Double.NaN;
        }
    }

    private synchronized CompletableFuture<Long> counting() {
        if (counting == null || counting.isDone()) {
            counting = CompletableFuture.supplyAsync(count::getAsLong, executor);
        }
        return counting;
    }
}
