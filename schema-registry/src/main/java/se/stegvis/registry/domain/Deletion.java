package se.stegvis.registry.domain;

import java.util.ArrayList;
import java.util.List;

import se.stegvis.registry.domain.LogEntry.CompatibilityCleared;
import se.stegvis.registry.domain.LogEntry.SchemaRecorded;
import se.stegvis.registry.domain.LogEntry.SubjectDeleted;
import se.stegvis.registry.domain.LogEntry.VersionRemoved;

/**
 * Deleting subjects and versions, Confluent's way: a soft delete first (the id keeps resolving), a permanent delete
 * only of what is already soft-deleted. A subject left with no live version loses its own compatibility level.
 */
public final class Deletion {

    /** The versions deleted and the entries that delete them. */
    public record Outcome(List<Integer> versions, List<LogEntry> entries) {
    }

    private final Registry registry;

    public Deletion(Registry registry) {
        this.registry = registry;
    }

    public Outcome deleteSubject(String subject, boolean permanent) {
        List<SchemaVersion> all = registry.versions(subject, true);
        List<SchemaVersion> live = registry.versions(subject, false);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (permanent) {
            if (!live.isEmpty()) {
                throw RegistryException.subjectNotSoftDeleted(subject);
            }
            List<LogEntry> tombstones = all.stream()
                    .<LogEntry>map(v -> new VersionRemoved(subject, v.version())).toList();
            return new Outcome(numbers(all), tombstones);
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectSoftDeleted(subject);
        }
        List<LogEntry> entries = new ArrayList<>();
        entries.add(new SubjectDeleted(subject, live.get(live.size() - 1).version()));
        clearLevelOf(subject, entries);
        return new Outcome(numbers(live), entries);
    }

    public Outcome deleteVersion(String subject, VersionId id, boolean permanent) {
        SchemaVersion version = new Lookup(registry).version(subject, id, true);
        if (!permanent && version.deleted()) {
            throw RegistryException.versionSoftDeleted(subject, version.version());
        }
        if (permanent && version.live()) {
            throw RegistryException.versionNotSoftDeleted(subject, version.version());
        }
        if (permanent) {
            return new Outcome(List.of(version.version()), List.of(new VersionRemoved(subject, version.version())));
        }
        List<LogEntry> entries = new ArrayList<>();
        entries.add(new SchemaRecorded(version.softDeleted()));
        if (registry.versions(subject, false).size() == 1) {
            clearLevelOf(subject, entries);
        }
        return new Outcome(List.of(version.version()), entries);
    }

    private void clearLevelOf(String subject, List<LogEntry> entries) {
        if (registry.subjectLevel(subject).isPresent()) {
            entries.add(new CompatibilityCleared(subject));
        }
    }

    private static List<Integer> numbers(List<SchemaVersion> versions) {
        return versions.stream().map(SchemaVersion::version).toList();
    }
}
