package se.stegvis.participant.catalogue.application;

import java.util.List;
import java.util.Optional;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;

/** Where projects are kept. Storing a definition stores its event with it, in one atomic write. */
public interface ProjectCatalogue {

    Optional<Project> find(String projectId);

    List<Project> all();

    /** Stores the project's new state and its pending event; answers true when the project is new. */
    boolean store(ProjectDefinition definition);
}
