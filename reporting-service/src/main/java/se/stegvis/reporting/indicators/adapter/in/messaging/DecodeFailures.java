package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.util.ArrayList;
import java.util.List;

import se.stegvis.schemas.registry.SchemaRegistryException;

/** Telling a registry that could not answer (wait and retry) from a record that cannot be read (dead-letter it). */
final class DecodeFailures {

    private DecodeFailures() {
    }

    static boolean registryUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return registry.status() == 0 || registry.status() == 429 || registry.status() >= 500;
            }
        }
        return false;
    }

    /** The failure's classes, outermost first, without messages: a deserializer's message may quote the payload. */
    static String classes(Throwable failure) {
        List<String> names = new ArrayList<>();
        for (Throwable cause = failure; cause != null && names.size() < 5; cause = cause.getCause()) {
            names.add(cause.getClass().getName());
        }
        return String.join(" <- ", names);
    }
}
