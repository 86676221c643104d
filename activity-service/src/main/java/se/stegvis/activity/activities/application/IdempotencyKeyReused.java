package se.stegvis.activity.activities.application;

/** An Idempotency-Key sent again with a different activity: answering the first one would be wrong. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was first used to record a different activity");
    }
}
