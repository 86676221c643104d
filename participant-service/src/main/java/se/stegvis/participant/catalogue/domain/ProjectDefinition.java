package se.stegvis.participant.catalogue.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

/** A project defined or changed: the full new state, with the id its event keeps however often it is published. */
public record ProjectDefinition(UUID eventId, Instant occurredAt, Project project) {

    /** Checks the project against the rules and answers the definition to store and publish, or throws. */
    public static ProjectDefinition of(Project project, Instant now) {
        List<Violation> violations = ProjectRules.violations(project);
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        return new ProjectDefinition(UUID.randomUUID(), now, project);
    }
}
