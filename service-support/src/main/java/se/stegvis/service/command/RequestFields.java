package se.stegvis.service.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects what is missing or unreadable in a request body while it is turned into a command. */
public final class RequestFields {

    private final List<Violation> violations = new ArrayList<>();

    public <T> T required(String pointer, T value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            violations.add(new Violation(pointer, "is required"));
        }
        return value;
    }

    public int required(String pointer, Integer value, int placeholder) {
        required(pointer, value);
        return value == null ? placeholder : value;
    }

    /** The list's elements (none for a missing list); a null element is reported at its pointer and left out. */
    public <T> List<T> elements(String pointer, List<T> value) {
        if (value == null) {
            return List.of();
        }
        List<T> present = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                violations.add(new Violation(pointer + "/" + i, "must not be null"));
            } else {
                present.add(value.get(i));
            }
        }
        return present;
    }

    public <E extends Enum<E>> E symbol(String pointer, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(new Violation(pointer, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public void add(Violation violation) {
        violations.add(violation);
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
    }
}
