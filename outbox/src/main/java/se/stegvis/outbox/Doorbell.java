package se.stegvis.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a writer cut the relay's idle wait short; rings while nobody waits are remembered, once. */
final class Doorbell {

    private final Semaphore rings = new Semaphore(0);

    void ring() {
        if (rings.availablePermits() == 0) {
            rings.release();
        }
    }

    /** Waits until rung or until the timeout, whichever comes first; answers whether it was rung. */
    boolean await(Duration timeout) throws InterruptedException {
        if (rings.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            rings.drainPermits();
            return true;
        }
        return false;
    }
}
