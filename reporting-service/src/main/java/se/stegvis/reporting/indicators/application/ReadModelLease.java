package se.stegvis.reporting.indicators.application;

/**
 * Who feeds the read model: one reporting-service instance at a time, since each keeps the working state of the
 * whole read model in memory and writes it over the store (decision 0009). A second instance on the same store is
 * refused rather than left to overwrite the first one's checkpoints, or to empty them with a rebuild.
 */
public interface ReadModelLease {

    /** Another live instance holds the read model (or took it over from this one). */
    final class HeldElsewhere extends RuntimeException {

        public HeldElsewhere(String message) {
            super(message);
        }
    }

    /**
     * Takes the read model for this instance: at once when nobody holds it, or this instance (under its instance id)
     * held it before; after a wait when another holder seems gone, if that holder does not renew meanwhile. Throws
     * {@link HeldElsewhere} when another holder renews; anything else while the store cannot be asked.
     */
    void acquire();

    /** Keeps it: throws {@link HeldElsewhere} when another instance took it meanwhile. */
    void renew();

    /** Gives it up, if held, so that a restart takes it at once. */
    void release();
}
