package se.stegvis.service.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import se.stegvis.service.command.Violation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's complaint about a body into the pointer of the field at fault and a message without the data. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static Violation violation(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof DatabindException databind) || databind.getPath().isEmpty()) {
            return new Violation("", "is not well-formed JSON");
        }
        StringBuilder pointer = new StringBuilder();
        databind.getPath().forEach(reference -> pointer.append('/')
                .append(reference.getPropertyName() != null ? reference.getPropertyName() : String.valueOf(reference.getIndex())));
        if (cause instanceof UnrecognizedPropertyException) {
            return new Violation(pointer.toString(), "is not a field this endpoint knows");
        }
        if (cause instanceof InvalidFormatException format) {
            return new Violation(pointer.toString(), "must be a valid " + format.getTargetType().getSimpleName());
        }
        return new Violation(pointer.toString(), "has the wrong type");
    }
}
