package se.stegvis.registry.domain;

/**
 * A change to the registry as it is written to the log and applied from it. Decisions return entries; nothing
 * changes until the log hands them back, so the state is always what the log says.
 */
public sealed interface LogEntry {

    /** A version registered, or re-written as soft-deleted. */
    record SchemaRecorded(SchemaVersion version) implements LogEntry {
    }

    /** A version permanently deleted (a tombstone in the log). */
    record VersionRemoved(String subject, int version) implements LogEntry {
    }

    /** Every version of the subject up to and including {@code upToVersion} soft-deleted. */
    record SubjectDeleted(String subject, int upToVersion) implements LogEntry {
    }

    /** The compatibility level of a subject, or the global one when subject is null. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements LogEntry {
    }

    /** A subject's own level removed, or the global one reset to the default when subject is null. */
    record CompatibilityCleared(String subject) implements LogEntry {
    }
}
