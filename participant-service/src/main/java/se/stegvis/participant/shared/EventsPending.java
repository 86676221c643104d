package se.stegvis.participant.shared;

/** Told after a write that stored events, so the outbox relay publishes them now instead of at its next poll. */
@FunctionalInterface
public interface EventsPending {

    void signal();
}
