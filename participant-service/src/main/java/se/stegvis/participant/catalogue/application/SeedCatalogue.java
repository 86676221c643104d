package se.stegvis.participant.catalogue.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectCatalogueSeed;

/** On the first start, fills the empty catalogue with the current projects, through the same use case as the API. */
public class SeedCatalogue {

    private static final Logger log = LoggerFactory.getLogger(SeedCatalogue.class);

    private final ProjectCatalogue catalogue;
    private final DefineProject defineProject;

    public SeedCatalogue(ProjectCatalogue catalogue, DefineProject defineProject) {
        this.catalogue = catalogue;
        this.defineProject = defineProject;
    }

    public void seedIfEmpty() {
        if (!catalogue.all().isEmpty()) {
            return;
        }
        for (Project project : ProjectCatalogueSeed.projects()) {
            defineProject.store(project);
            log.info("Catalogue seeded with project {}", project.id());
        }
    }
}
