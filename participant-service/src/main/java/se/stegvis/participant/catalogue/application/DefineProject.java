package se.stegvis.participant.catalogue.application;

import java.time.Clock;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;
import se.stegvis.service.command.EventsPending;

/** Defines a new project or changes one; its full state is published to the compacted projects topic. */
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
    public boolean define(Project project) {
        boolean created = catalogue.store(ProjectDefinition.of(project, clock.instant()));
        eventsPending.signal(project.id());
        return created;
    }
}
