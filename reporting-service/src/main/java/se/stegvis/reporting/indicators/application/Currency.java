package se.stegvis.reporting.indicators.application;

/**
 * How current the figures of a view are, decided by {@link ViewCurrency}: a view that is not {@link State#CURRENT} is
 * shown with figures that are not final.
 *
 * @param state what the figures rest on right now
 * @param behindBy records on the topics not yet applied, while {@link State#BEHIND} or {@link State#WAITING}; null in the
 *        other states and while the number is unknown
 * @param replayed records replayed so far while a rebuild is under way; null when none is
 * @param toReplay records the rebuild replays (those on the topics when it began) while one is under way; null when none
 *        is, and while it is asked for but not yet begun
 */
public record Currency(State state, Long behindBy, Long replayed, Long toReplay) {

    public enum State {
        /** Caught up since the start, and no more records than the threshold not yet applied. */
        CURRENT,
        /** More records than the threshold not yet applied, the number unknown, or not caught up since the start. */
        BEHIND,
        /** A rebuild is asked for or under way: the read model was (or is about to be) emptied and fills up again. */
        REBUILDING,
        /** The projection waits for something it needs (the registry, its store, Kafka): nothing is applied meanwhile. */
        WAITING
    }

    public static final Currency CURRENT = new Currency(State.CURRENT, null, null, null);

    public boolean isCurrent() {
        return state == State.CURRENT;
    }
}
