package se.stegvis.participant.catalogue.application;

import java.util.List;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.service.command.NotFound;

/** Reads the project catalogue. */
public class ReadCatalogue {

    private final ProjectCatalogue catalogue;

    public ReadCatalogue(ProjectCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<Project> all() {
        return catalogue.all();
    }

    public Project project(String projectId) {
        return catalogue.find(projectId).orElseThrow(() -> new NotFound("project", projectId));
    }
}
