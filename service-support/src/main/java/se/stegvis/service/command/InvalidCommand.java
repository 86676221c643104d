package se.stegvis.service.command;

import java.util.List;

/** A command that breaks a rule; it changes nothing. Carries every violation, not only the first. */
public class InvalidCommand extends RuntimeException {

    private final List<Violation> violations;

    public InvalidCommand(List<Violation> violations) {
        super(violations.size() + " rule(s) broken: " + violations.get(0).pointer() + " " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidCommand(String pointer, String message) {
        this(List.of(new Violation(pointer, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
