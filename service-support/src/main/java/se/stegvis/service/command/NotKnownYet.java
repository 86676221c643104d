package se.stegvis.service.command;

/**
 * Something named by id is not in this service's replica (yet): it may exist upstream and not have arrived, as
 * right after an enrolment. Distinct from {@link NotFound} and {@link Gone}, because the right reaction is to retry.
 */
public class NotKnownYet extends RuntimeException {

    private final String kind;
    private final String id;

    public NotKnownYet(String kind, String id) {
        super("No " + kind + " with id " + id + " known here yet");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
