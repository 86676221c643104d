package se.stegvis.access;

/**
 * The caller is signed in but its roles do not allow the action (403). Where a 403 would confirm that a person
 * exists, use cases answer "not found" instead.
 */
public class Refused extends RuntimeException {

    private final String action;

    public Refused(String action) {
        super("Not allowed: " + action);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
