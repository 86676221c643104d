package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import se.stegvis.reporting.indicators.application.RebuildProgress;
import se.stegvis.reporting.indicators.application.RebuildProgress.State;

/**
 * A rebuild's course: requested from any thread, begun and measured on the consumer's. It replays up to the end
 * offsets seen when it began; records replayed are the positions reached beyond each partition's start.
 */
final class RebuildTracker {

    private final Clock clock;
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile RebuildProgress progress = RebuildProgress.NONE;
    private Map<TopicPartition, Long> starts = Map.of();
    private Map<TopicPartition, Long> ends = Map.of();

    RebuildTracker(Clock clock) {
        this.clock = clock;
    }

    synchronized RebuildProgress request() {
        requested.set(true);
        progress = new RebuildProgress(State.REQUESTED, 0, 0, clock.instant(), null);
        return progress;
    }

    RebuildProgress progress() {
        return progress;
    }

    /** True when a rebuild waits and the consumer has partitions to replay. */
    boolean due(Set<TopicPartition> assigned) {
        return requested.get() && !assigned.isEmpty();
    }

    /** Called once the store is empty and the consumer sought to the beginning. */
    synchronized void began(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        starts = consumer.beginningOffsets(assigned);
        ends = consumer.endOffsets(assigned);
        long total = ends.entrySet().stream().mapToLong(end -> end.getValue() - starts.getOrDefault(end.getKey(), 0L)).sum();
        requested.set(false);
        progress = new RebuildProgress(State.REPLAYING, 0, total, progress.requestedAt(), null);
        measure(consumer);
    }

    synchronized void measure(Consumer<?, ?> consumer) {
        if (progress.state() != State.REPLAYING) {
            return;
        }
        long replayed = 0;
        boolean done = true;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long position = consumer.assignment().contains(end.getKey()) ? consumer.position(end.getKey()) : end.getValue();
            replayed += Math.min(position, end.getValue()) - starts.getOrDefault(end.getKey(), 0L);
            done &= position >= end.getValue();
        }
        progress = new RebuildProgress(done ? State.DONE : State.REPLAYING, replayed, progress.toReplay(), progress.requestedAt(),
                done ? clock.instant() : null);
    }
}
