package se.stegvis.consumer;

/**
 * An event that decodes but cannot be applied (it contradicts what the store may hold, or names what no event
 * defined): retried a few times, then set aside on the binding's dead-letter topic while consumption goes on. Thrown
 * by a store or a translation for the event itself, never for a store that is away: that waits.
 */
public class EventNotApplicable extends RuntimeException {

    public EventNotApplicable(String reason) {
        super(reason);
    }

    public EventNotApplicable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
