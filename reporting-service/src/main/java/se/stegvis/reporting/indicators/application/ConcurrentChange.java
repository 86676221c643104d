package se.stegvis.reporting.indicators.application;

/** A participant changed between read and write (another instance during a rebalance): apply the batch again. */
public class ConcurrentChange extends RuntimeException {

    public ConcurrentChange(String participantId) {
        super("Participant " + participantId + " changed while its events were applied");
    }
}
