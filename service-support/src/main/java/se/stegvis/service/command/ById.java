package se.stegvis.service.command;

/**
 * A command or read refused because of the thing an id names: not there ({@link NotFound}), not here yet
 * ({@link NotKnownYet}), gone for good ({@link Gone}). The kind and the id are all the answer says about it.
 */
public abstract class ById extends RuntimeException {

    private final String kind;
    private final String id;

    protected ById(String kind, String id, String message) {
        super(message);
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
