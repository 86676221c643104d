package se.stegvis.service.command;

/** Something named by id existed and is gone for good, such as an erased participant: retrying will not help. */
public class Gone extends ById {

    public Gone(String kind, String id) {
        super(kind, id, "The " + kind + " with id " + id + " is gone");
    }
}
