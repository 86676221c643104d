package se.stegvis.registry.domain;

/**
 * A request the registry refuses. The reason decides the answer a client gets; the message follows the wording of
 * Confluent's Schema Registry so that clients and people see the same text.
 */
public final class RegistryException extends RuntimeException {

    public enum Reason {
        SUBJECT_NOT_FOUND, VERSION_NOT_FOUND, SCHEMA_NOT_FOUND, SUBJECT_SOFT_DELETED, SUBJECT_NOT_SOFT_DELETED,
        VERSION_SOFT_DELETED, VERSION_NOT_SOFT_DELETED, SUBJECT_COMPATIBILITY_NOT_CONFIGURED, INCOMPATIBLE_SCHEMA,
        INVALID_SCHEMA, INVALID_VERSION, INVALID_COMPATIBILITY_LEVEL, INVALID_SUBJECT
    }

    private final Reason reason;

    private RegistryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(Reason.SUBJECT_NOT_FOUND, "Subject '%s' not found.".formatted(subject));
    }

    public static RegistryException versionNotFound(int version) {
        return new RegistryException(Reason.VERSION_NOT_FOUND, "Version %d not found.".formatted(version));
    }

    public static RegistryException schemaNotFound() {
        return new RegistryException(Reason.SCHEMA_NOT_FOUND, "Schema not found");
    }

    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(Reason.SCHEMA_NOT_FOUND, "Schema %d not found".formatted(id));
    }

    public static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(Reason.SUBJECT_SOFT_DELETED,
                "Subject '%s' was soft deleted.Set permanent=true to delete permanently".formatted(subject));
    }

    public static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(Reason.SUBJECT_NOT_SOFT_DELETED,
                "Subject '%s' was not deleted first before being permanently deleted".formatted(subject));
    }

    public static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(Reason.VERSION_SOFT_DELETED,
                "Subject '%s' Version %d was soft deleted.Set permanent=true to delete permanently"
                        .formatted(subject, version));
    }

    public static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(Reason.VERSION_NOT_SOFT_DELETED,
                "Subject '%s' Version %d was not deleted first before being permanently deleted"
                        .formatted(subject, version));
    }

    public static RegistryException compatibilityNotConfigured(String subject) {
        return new RegistryException(Reason.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '%s' does not have subject-level compatibility configured".formatted(subject));
    }

    public static RegistryException incompatibleSchema(String subject, java.util.List<String> messages) {
        return new RegistryException(Reason.INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"%s\", details: %s"
                        .formatted(subject, messages));
    }

    public static RegistryException invalidSchema(String details) {
        return new RegistryException(Reason.INVALID_SCHEMA, details);
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(Reason.INVALID_VERSION, ("The specified version '%s' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"").formatted(version));
    }

    public static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(Reason.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values "
                + "are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    /**
     * Confluent's 42208. Its message names the subject; this one does not, since the name may hold control
     * characters or be thousands of characters long.
     */
    public static RegistryException invalidSubject(String why) {
        return new RegistryException(Reason.INVALID_SUBJECT, "The specified subject is not valid: " + why);
    }
}
