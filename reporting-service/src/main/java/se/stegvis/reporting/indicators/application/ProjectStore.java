package se.stegvis.reporting.indicators.application;

import java.util.List;
import java.util.Optional;

import se.stegvis.reporting.indicators.domain.ProjectDefinition;

/** The project catalogue as the projects topic states it. */
public interface ProjectStore {

    /** Stores the definition unless a later one is stored (one conditional write); true when it was stored. */
    boolean save(ProjectDefinition definition);

    Optional<ProjectDefinition> project(String projectId);

    List<ProjectDefinition> projects();

    void clear();
}
