package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code stegvis.reporting.events.applied}, {@code stegvis.reporting.dead-letters} and the gauge
 * {@code stegvis.reporting.lag} (records behind the end offsets over the assigned partitions; NaN until known).
 */
final class ProjectionMetrics {

    private final AtomicLong applied = new AtomicLong();
    private final Counter deadLetters;
    private volatile long lag = -1;

    ProjectionMetrics(MeterRegistry meters) {
        FunctionCounter.builder("stegvis.reporting.events.applied", applied, AtomicLong::get)
                .description("Events applied to the read model (duplicates included)").register(meters);
        deadLetters = Counter.builder("stegvis.reporting.dead-letters")
                .description("Records set aside on the dead-letter topic").register(meters);
        Gauge.builder("stegvis.reporting.lag", this, metrics -> metrics.lag < 0 ? Double.NaN : metrics.lag)
                .description("Records behind the end offsets last seen, over all assigned partitions").register(meters);
    }

    void applied(int events) {
        applied.addAndGet(events);
    }

    void deadLettered(int letters) {
        deadLetters.increment(letters);
    }

    void unknown() {
        lag = -1;
    }

    /** From the high watermarks the last fetches brought: no call to the broker. */
    void measure(Consumer<?, ?> consumer) {
        measure(consumer, 0);
    }

    /**
     * As {@link #measure(Consumer)}, with records polled but to be read again (a failed batch before its rewind):
     * the consumer's position is past them, the projection is not.
     */
    void measure(Consumer<?, ?> consumer, int polledAgain) {
        long behind = polledAgain;
        boolean known = !consumer.assignment().isEmpty();
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            known &= partitionLag.isPresent();
            behind += partitionLag.orElse(0);
        }
        lag = known ? behind : -1;
    }

    long lag() {
        return lag;
    }
}
