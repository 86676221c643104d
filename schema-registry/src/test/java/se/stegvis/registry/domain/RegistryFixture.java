package se.stegvis.registry.domain;

import java.util.ArrayList;
import java.util.List;

/** A registry whose "log" applies entries at once, with the use cases as one-line calls. */
final class RegistryFixture {

    final Registry registry = new Registry(CompatibilityLevel.BACKWARD);
    final List<LogEntry> written = new ArrayList<>();

    Registration.Outcome register(String subject, String schema) {
        Registration.Outcome outcome = new Registration(registry).register(subject, Schemas.avro(schema));
        if (outcome.entry() != null) {
            write(List.of(outcome.entry()));
        }
        return outcome;
    }

    List<Integer> deleteSubject(String subject, boolean permanent) {
        Deletion.Outcome outcome = new Deletion(registry).deleteSubject(subject, permanent);
        write(outcome.entries());
        return outcome.versions();
    }

    void deleteVersion(String subject, int version, boolean permanent) {
        write(new Deletion(registry).deleteVersion(subject, new VersionId(version), permanent).entries());
    }

    void setLevel(String subject, CompatibilityLevel level) {
        write(new CompatibilityConfig(registry).set(subject, level.name()).entries());
    }

    List<Integer> versions(String subject) {
        return new Lookup(registry).versions(subject, false);
    }

    private void write(List<LogEntry> entries) {
        written.addAll(entries);
        entries.forEach(registry::apply);
    }
}
