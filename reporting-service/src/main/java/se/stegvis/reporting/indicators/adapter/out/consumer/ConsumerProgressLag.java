package se.stegvis.reporting.indicators.adapter.out.consumer;

import java.util.OptionalLong;

import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.reporting.indicators.application.ProjectionLag;

/**
 * The projection's consumer group as event-consumer's {@link ConsumerProgress} measures it (the same figures as the
 * {@code stegvis.consumer.*} meters and the readiness): whether it waits, whether it caught up since it started, and
 * its lag. What it waits for is left out: the views say only that it waits.
 */
public final class ConsumerProgressLag implements ProjectionLag {

    private final ConsumerProgress progress;
    private final String group;

    public ConsumerProgressLag(ConsumerProgress progress, String group) {
        this.progress = progress;
        this.group = group;
    }

    @Override
    public Reading read() {
        OptionalLong lag = progress.lag(group);
        return new Reading(progress.waiting(group), progress.caughtUpOnce(group), lag.isPresent() ? lag.getAsLong() : null);
    }
}
