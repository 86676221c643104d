package se.stegvis.outcome.outcomes.application;

/** An Idempotency-Key sent again with a different outcome: answering the first one would be wrong. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was first used to record a different outcome");
    }
}
