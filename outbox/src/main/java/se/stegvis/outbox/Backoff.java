package se.stegvis.outbox;

import java.time.Duration;

/** Waits that double after each failure, up to a ceiling, and start over after a success. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current.compareTo(max) > 0 ? max : current;
    }

    void reset() {
        next = initial;
    }
}
