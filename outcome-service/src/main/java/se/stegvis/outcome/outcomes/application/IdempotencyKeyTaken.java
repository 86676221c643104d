package se.stegvis.outcome.outcomes.application;

/** The store refused an Idempotency-Key another request wrote first. */
public class IdempotencyKeyTaken extends RuntimeException {

    public IdempotencyKeyTaken() {
        super("The Idempotency-Key was taken by a concurrent request");
    }
}
