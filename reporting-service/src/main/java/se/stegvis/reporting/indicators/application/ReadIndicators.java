package se.stegvis.reporting.indicators.application;

import java.util.List;

import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.Consolidation;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.service.command.NotFound;

/** The views: one project's exact figures for its staff, and the suppressed cross-project view. */
public final class ReadIndicators {

    private final ParticipantStore participants;
    private final ProjectStore projects;
    private final IndicatorEngine engine;
    private final Consolidation consolidation;

    public ReadIndicators(ParticipantStore participants, ProjectStore projects, IndicatorEngine engine) {
        this.participants = participants;
        this.projects = projects;
        this.engine = engine;
        this.consolidation = new Consolidation(engine.catalogue());
    }

    public ProjectFigures ofProject(String projectId) {
        return figures(projects.project(projectId).orElseThrow(() -> new NotFound("project", projectId)));
    }

    public ConsolidatedView consolidated() {
        List<ProjectFigures> all = projects.projects().stream().map(this::figures).toList();
        return consolidation.view(all);
    }

    private ProjectFigures figures(ProjectDefinition project) {
        return engine.figures(project, participants.ofProject(project.projectId()));
    }
}
