package se.stegvis.registry.domain;

import java.util.List;

import se.stegvis.registry.domain.LogEntry.CompatibilityCleared;
import se.stegvis.registry.domain.LogEntry.CompatibilitySet;

/** Setting and removing compatibility levels, globally (subject {@code null}) or for one subject. */
public final class CompatibilityConfig {

    /** The level that results (or that was removed) and the entries that make it so. */
    public record Outcome(CompatibilityLevel level, List<LogEntry> entries) {
    }

    private final Registry registry;

    public CompatibilityConfig(Registry registry) {
        this.registry = registry;
    }

    public Outcome set(String subject, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level);
        return new Outcome(parsed, List.of(new CompatibilitySet(subject, parsed)));
    }

    /** Removing a subject's level it does not have is "subject not found", as in Confluent. */
    public Outcome clear(String subject) {
        CompatibilityLevel removed = subject == null ? registry.globalLevel()
                : registry.subjectLevel(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
        return new Outcome(removed, List.of(new CompatibilityCleared(subject)));
    }
}
