package se.stegvis.service.command;

/** Something named by id existed and is gone for good, such as an erased participant: retrying will not help. */
public class Gone extends RuntimeException {

    private final String kind;
    private final String id;

    public Gone(String kind, String id) {
        super("The " + kind + " with id " + id + " is gone");
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
