package se.stegvis.service.command;

/**
 * Something named by id is not in this service's replica (yet): it may exist upstream and not have arrived, as
 * right after an enrolment. Distinct from {@link NotFound} and {@link Gone}, because the right reaction is to retry.
 */
public class NotKnownYet extends ById {

    public NotKnownYet(String kind, String id) {
        super(kind, id, "No " + kind + " with id " + id + " known here yet");
    }
}
