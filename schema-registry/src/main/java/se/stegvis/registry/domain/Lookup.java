package se.stegvis.registry.domain;

import java.util.List;

/** Reads that can fail, with the errors Confluent gives for each way of failing. */
public final class Lookup {

    private final Registry registry;

    public Lookup(Registry registry) {
        this.registry = registry;
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = registry.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SchemaVersion::version).toList();
    }

    public SchemaVersion version(String subject, VersionId id, boolean includeDeleted) {
        List<SchemaVersion> versions = registry.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (id.latest()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == id.number()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(id.number()));
    }

    /** The version of the subject that holds this schema. */
    public SchemaVersion find(String subject, AvroSchema schema, boolean includeDeleted) {
        List<SchemaVersion> versions = registry.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().filter(v -> v.schema().equals(schema.canonical())).reduce((first, last) -> last)
                .orElseThrow(RegistryException::schemaNotFound);
    }

    public String schema(int id) {
        return registry.schema(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    public List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        if (registry.schema(id).isEmpty()) {
            throw RegistryException.schemaNotFound();
        }
        return registry.versionsWithId(id, includeDeleted);
    }

    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        if (defaultToGlobal) {
            return registry.levelFor(subject);
        }
        return registry.subjectLevel(subject).orElseThrow(() -> RegistryException.compatibilityNotConfigured(subject));
    }
}
