package se.stegvis.registry.application;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.registry.domain.AvroSchema;
import se.stegvis.registry.domain.CompatibilityConfig;
import se.stegvis.registry.domain.Deletion;
import se.stegvis.registry.domain.Registration;
import se.stegvis.registry.domain.Registry;
import se.stegvis.registry.domain.VersionId;

/**
 * Every change to the registry: decide on the current state, append to the log, return once applied. Changes run
 * one at a time, so each decision sees every earlier change (a single writer, as Confluent's leader is).
 * Logs carry subjects, ids and versions, never schema text.
 */
public final class RegistryCommands {

    private static final Logger log = LoggerFactory.getLogger(RegistryCommands.class);

    private final Registry registry;
    private final SchemaLog schemaLog;

    public RegistryCommands(Registry registry, SchemaLog schemaLog) {
        this.registry = registry;
        this.schemaLog = schemaLog;
    }

    public synchronized Registration.Outcome register(String subject, AvroSchema schema) {
        Registration.Outcome outcome = new Registration(registry).register(subject, schema);
        if (outcome.entry() != null) {
            schemaLog.append(List.of(outcome.entry()));
            log.info("Registered subject {} version {} with id {}", subject, outcome.version(), outcome.id());
        }
        return outcome;
    }

    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        Deletion.Outcome outcome = new Deletion(registry).deleteSubject(subject, permanent);
        schemaLog.append(outcome.entries());
        log.info("Deleted subject {} versions {} (permanent: {})", subject, outcome.versions(), permanent);
        return outcome.versions();
    }

    public synchronized int deleteVersion(String subject, VersionId version, boolean permanent) {
        Deletion.Outcome outcome = new Deletion(registry).deleteVersion(subject, version, permanent);
        schemaLog.append(outcome.entries());
        log.info("Deleted subject {} version {} (permanent: {})", subject, outcome.versions(), permanent);
        return outcome.versions().get(0);
    }

    /** @param subject null for the global level */
    public synchronized String setCompatibility(String subject, String level) {
        CompatibilityConfig.Outcome outcome = new CompatibilityConfig(registry).set(subject, level);
        schemaLog.append(outcome.entries());
        log.info("Compatibility of {} set to {}", subject == null ? "the registry" : subject, outcome.level());
        return outcome.level().name();
    }

    /** @param subject null for the global level */
    public synchronized String clearCompatibility(String subject) {
        CompatibilityConfig.Outcome outcome = new CompatibilityConfig(registry).clear(subject);
        schemaLog.append(outcome.entries());
        log.info("Compatibility of {} cleared", subject == null ? "the registry" : subject);
        return outcome.level().name();
    }
}
