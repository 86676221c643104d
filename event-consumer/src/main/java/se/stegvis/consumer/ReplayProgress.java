package se.stegvis.consumer;

import java.time.Instant;

/**
 * How far a consumer group's latest replay ({@link Replays}) has come: records replayed of those that were on its
 * topics (their end offsets) when it began, counted from the consumer's positions.
 *
 * @param state REQUESTED (waiting for the consumer's next batch or idle moment), REPLAYING or DONE
 * @param finishedAt when the replay reached the end offsets; null before
 */
public record ReplayProgress(State state, long replayed, long toReplay, Instant requestedAt, Instant finishedAt) {

    public enum State { REQUESTED, REPLAYING, DONE }

    static ReplayProgress requested(Instant at) {
        return new ReplayProgress(State.REQUESTED, 0, 0, at, null);
    }
}
