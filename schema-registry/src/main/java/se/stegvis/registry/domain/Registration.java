package se.stegvis.registry.domain;

import java.util.List;
import java.util.Optional;

import se.stegvis.registry.domain.LogEntry.SchemaRecorded;

/**
 * Registering a schema under a subject: the existing version when the subject already has this schema live,
 * otherwise a new version (after the compatibility check) that reuses the schema's global id or takes a new one.
 */
public final class Registration {

    /** The answer: the id and version, and the entry to write ({@code null} when nothing changes). */
    public record Outcome(int id, int version, LogEntry entry) {
    }

    private final Registry registry;

    public Registration(Registry registry) {
        this.registry = registry;
    }

    public Outcome register(String subject, AvroSchema schema) {
        Optional<SchemaVersion> existing = registry.versions(subject, false).stream()
                .filter(v -> v.schema().equals(schema.canonical())).reduce((first, last) -> last);
        if (existing.isPresent()) {
            return new Outcome(existing.get().id(), existing.get().version(), null);
        }
        List<String> problems = CompatibilityCheck.problems(registry.levelFor(subject), schema.parsed(),
                registry.versions(subject, false));
        if (!problems.isEmpty()) {
            throw RegistryException.incompatibleSchema(subject, problems);
        }
        int id = registry.id(schema.canonical()).orElseGet(registry::nextId);
        int version = registry.versions(subject, true).stream().mapToInt(SchemaVersion::version).max().orElse(0) + 1;
        SchemaVersion registered = new SchemaVersion(subject, version, id, schema.canonical(), false);
        return new Outcome(id, version, new SchemaRecorded(registered));
    }
}
