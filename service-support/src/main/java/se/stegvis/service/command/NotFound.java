package se.stegvis.service.command;

/** Something named by id does not exist. */
public class NotFound extends ById {

    public NotFound(String kind, String id) {
        super(kind, id, "No " + kind + " with id " + id);
    }
}
