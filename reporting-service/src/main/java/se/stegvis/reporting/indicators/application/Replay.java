package se.stegvis.reporting.indicators.application;

/** What feeds the projection, able to start over from the beginning of every topic. */
public interface Replay {

    /** Asks for a rebuild: the store is emptied and every topic replayed from its start. Returns at once. */
    RebuildProgress requestRebuild();

    RebuildProgress progress();
}
