package se.stegvis.replica;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far a {@link ReplicaConsumer} has come: records applied and skipped, and how many it is behind. Written by the
 * consumer's thread only, read from any.
 */
final class ReplicaProgress {

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile long lag = -1;
    private volatile boolean caughtUp;

    /** Registers {@code stegvis.replica.applied}, {@code .skipped} and {@code .lag}; meters may be null. */
    ReplicaProgress(MeterRegistry meters) {
        if (meters != null) {
            FunctionCounter.builder("stegvis.replica.skipped", skipped, AtomicLong::get)
                    .description("Records that could not be decoded and were skipped").register(meters);
            FunctionCounter.builder("stegvis.replica.applied", applied, AtomicLong::get)
                    .description("Records applied to the replica").register(meters);
            Gauge.builder("stegvis.replica.lag", this, progress -> progress.lag < 0 ? Double.NaN : progress.lag)
                    .description("Records behind the end offsets last seen, over all assigned partitions").register(meters);
        }
    }

    void applied() {
        applied.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    /** Behind again, or not known to be caught up: records are on their way, a replay began, the consumer is gone. */
    void behind() {
        caughtUp = false;
    }

    void unknown() {
        caughtUp = false;
        lag = -1;
    }

    /**
     * From the high watermarks the consumer's last fetches brought, so no call to the broker: unknown (and not
     * caught up) until every assigned partition has been fetched once.
     */
    void measure(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        long behind = 0;
        boolean known = !assigned.isEmpty();
        for (TopicPartition partition : assigned) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            known &= partitionLag.isPresent();
            behind += partitionLag.orElse(0);
        }
        lag = known ? behind : -1;
        caughtUp = known && behind == 0;
    }
}
