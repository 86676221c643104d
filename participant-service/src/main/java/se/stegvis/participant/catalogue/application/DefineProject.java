package se.stegvis.participant.catalogue.application;

import java.time.Clock;
import java.util.function.Supplier;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;
import se.stegvis.service.command.EventsPending;

/**
 * Defines a new project or changes one, for an {@code integrator}; its full state is published to the compacted
 * projects topic.
 */
public class DefineProject {

    private final ProjectCatalogue catalogue;
    private final EventsPending eventsPending;
    private final Clock clock;

    public DefineProject(ProjectCatalogue catalogue, EventsPending eventsPending, Clock clock) {
        this.catalogue = catalogue;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /** Answers true when the project did not exist before. Throws InvalidCommand, changing nothing, on a broken rule. */
    /**
     * The project is read from the request only once the caller may define projects, so that nobody else learns
     * what a definition must hold.
     */
    public boolean define(Caller caller, Supplier<Project> project) {
        caller.require(caller.has(GlobalRole.INTEGRATOR), "define or change projects");
        return store(project.get());
    }

    /** Without a caller: the service's own seed of the catalogue on its first start. */
    boolean store(Project project) {
        boolean created = catalogue.store(ProjectDefinition.of(project, clock.instant()));
        eventsPending.signal(project.id());
        return created;
    }
}
