package se.stegvis.reporting.indicators.application;

/**
 * How far the projection's consumer has come, as the consumer itself measures it: the port {@link ViewCurrency}
 * decides from, so the use cases say how current a view is without knowing Kafka or the consumer's bookkeeping.
 */
@FunctionalInterface
public interface ProjectionLag {

    /**
     * @param waiting whether the consumer waits for something it needs (the registry, the store, Kafka)
     * @param caughtUpSinceStart whether it has caught up with the topics since it started, or since its latest replay began
     * @param behindBy records on the topics not yet applied, as last measured; null while unknown
     */
    record Reading(boolean waiting, boolean caughtUpSinceStart, Long behindBy) {
    }

    Reading read();
}
