package se.stegvis.participant.participants.application;

/** An Idempotency-Key came back with a different request than the one it was first used for. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was used for a different request");
    }
}
