package se.stegvis.reporting.indicators.application;

import java.time.Instant;

/**
 * How far a rebuild has come: records replayed of those that were on the topics (end offsets) when it began.
 *
 * @param state NONE (no rebuild since start), REQUESTED (waiting for the consumer), REPLAYING or DONE
 */
public record RebuildProgress(State state, long replayed, long toReplay, Instant requestedAt, Instant finishedAt) {

    public enum State { NONE, REQUESTED, REPLAYING, DONE }

    public static final RebuildProgress NONE = new RebuildProgress(State.NONE, 0, 0, null, null);
}
