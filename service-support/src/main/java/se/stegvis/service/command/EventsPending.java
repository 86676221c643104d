package se.stegvis.service.command;

/**
 * Told after a write that stored events, so the outbox relay publishes them now instead of at its next poll; the
 * id of the written document lets it fetch just that document.
 */
@FunctionalInterface
public interface EventsPending {

    void signal(String documentId);
}
