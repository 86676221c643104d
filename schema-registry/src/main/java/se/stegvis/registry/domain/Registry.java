package se.stegvis.registry.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import se.stegvis.registry.domain.LogEntry.CompatibilityCleared;
import se.stegvis.registry.domain.LogEntry.CompatibilitySet;
import se.stegvis.registry.domain.LogEntry.SchemaRecorded;
import se.stegvis.registry.domain.LogEntry.SubjectDeleted;
import se.stegvis.registry.domain.LogEntry.VersionRemoved;

/**
 * The registry's state, built only by applying log entries in log order. Ids are global: one canonical schema, one
 * id, under every subject; a new schema gets one more than the highest id ever seen, so ids are never reused.
 * Reads and applies are synchronized: the log reader applies while requests read.
 */
public final class Registry {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final CompatibilityLevel defaultLevel;
    private CompatibilityLevel globalLevel;
    private int highestId;

    public Registry(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
    }

    public synchronized void apply(LogEntry entry) {
        if (entry instanceof SchemaRecorded recorded) {
            record(recorded.version());
        } else if (entry instanceof VersionRemoved removed) {
            remove(removed.subject(), removed.version());
        } else if (entry instanceof SubjectDeleted deleted) {
            softDelete(deleted.subject(), deleted.upToVersion());
        } else if (entry instanceof CompatibilitySet set) {
            setLevel(set.subject(), set.level());
        } else if (entry instanceof CompatibilityCleared cleared) {
            setLevel(cleared.subject(), null);
        }
    }

    /** Ids that appear in the log for schemas this registry cannot serve (another type) still count as used. */
    public synchronized void idSeen(int id) {
        highestId = Math.max(highestId, id);
    }

    private void record(SchemaVersion version) {
        subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
        schemasById.put(version.id(), version.schema());
        idsBySchema.putIfAbsent(version.schema(), version.id());
        idSeen(version.id());
    }

    private void remove(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.getOrDefault(subject, new TreeMap<>());
        SchemaVersion removed = versions.remove(version);
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        if (removed != null && !idInUse(removed.id())) {
            schemasById.remove(removed.id());
            idsBySchema.remove(removed.schema(), removed.id());
        }
    }

    private boolean idInUse(int id) {
        return subjects.values().stream().flatMap(v -> v.values().stream()).anyMatch(v -> v.id() == id);
    }

    private void softDelete(String subject, int upToVersion) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.getOrDefault(subject, new TreeMap<>());
        versions.headMap(upToVersion, true).replaceAll((number, version) -> version.softDeleted());
    }

    private void setLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
    }

    public synchronized List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        return subjects.getOrDefault(subject, new TreeMap<>()).values().stream()
                .filter(v -> includeDeleted || v.live()).toList();
    }

    public synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.keySet().stream().filter(s -> !versions(s, includeDeleted).isEmpty()).toList();
    }

    public synchronized Optional<String> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    public synchronized Optional<Integer> id(String canonicalSchema) {
        return Optional.ofNullable(idsBySchema.get(canonicalSchema));
    }

    public synchronized List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        List<SchemaVersion> found = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().stream()
                .filter(v -> v.id() == id && (includeDeleted || v.live())).forEach(found::add));
        return found;
    }

    public synchronized int nextId() {
        return highestId + 1;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel == null ? defaultLevel : globalLevel;
    }

    /** The level a subject is checked against: its own, else the global one. */
    public synchronized CompatibilityLevel levelFor(String subject) {
        return subjectLevel(subject).orElse(globalLevel());
    }
}
