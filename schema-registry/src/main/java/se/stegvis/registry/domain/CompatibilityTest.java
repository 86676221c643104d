package se.stegvis.registry.domain;

import java.util.List;

/**
 * Answers "could this schema be registered?" without registering it, against one version or against all live
 * versions, under the subject's level. A subject with nothing to compare against is compatible with anything.
 */
public final class CompatibilityTest {

    private final Registry registry;

    public CompatibilityTest(Registry registry) {
        this.registry = registry;
    }

    /** The live version to test against: "latest" of an empty subject is none at all, a number must exist. */
    public List<SchemaVersion> versionToTest(String subject, VersionId id) {
        List<SchemaVersion> live = registry.versions(subject, false);
        if (id.latest()) {
            return live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
        }
        List<SchemaVersion> found = live.stream().filter(v -> v.version() == id.number()).toList();
        if (found.isEmpty()) {
            throw RegistryException.versionNotFound(id.number());
        }
        return found;
    }

    /** Every live version, as registering would check. */
    public List<SchemaVersion> versionsToTest(String subject) {
        return registry.versions(subject, false);
    }

    /** @param earlier the versions to test against, oldest first */
    public List<String> problems(String subject, AvroSchema candidate, List<SchemaVersion> earlier) {
        return CompatibilityCheck.problems(registry.levelFor(subject), candidate.parsed(), earlier);
    }
}
