package se.stegvis.schemas.serde;

import java.util.ArrayList;
import java.util.List;

import se.stegvis.schemas.registry.SchemaRegistryException;

/**
 * Why a record could not be decoded: because the registry could not be asked (wait and try the same record again:
 * skipping or dead-lettering it would lose an event), or because of the record itself (skip it, or dead-letter it).
 * Shared by every consumer of the topics.
 */
public final class DecodeFailure {

    private DecodeFailure() {
    }

    /** No answer, a server error or too many requests: the registry, not the record, is at fault. */
    public static boolean registryUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registryFailure) {
                int status = registryFailure.status();
                return status == 0 || status == 429 || status >= 500;
            }
        }
        return false;
    }

    /**
     * Any failure to get the writer's schema from the registry: no answer, an error, refused credentials, or "not
     * found" (an emptied or wrong registry). The record is not at fault, so a consumer that must not lose events
     * waits for the registry instead of setting the record aside.
     */
    public static boolean registryAtFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception classes of the failure and its causes, outermost first. Their messages are left out: a
     * deserializer may quote the bytes it could not read.
     */
    public static String classes(Throwable failure) {
        List<String> names = new ArrayList<>();
        for (Throwable cause = failure; cause != null && names.size() < 5; cause = cause.getCause()) {
            names.add(cause.getClass().getName());
        }
        return String.join(" <- ", names);
    }
}
