package se.stegvis.reporting.indicators.application;

import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.Consolidation;
import se.stegvis.reporting.indicators.domain.IndicatorCatalogue;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.service.command.NotFound;

/** The views: one project's exact figures for its staff, and the suppressed cross-project view, from the tally. */
public final class ReadIndicators {

    private final IndicatorTally tally;
    private final Consolidation consolidation;

    public ReadIndicators(IndicatorTally tally, IndicatorCatalogue catalogue) {
        this.tally = tally;
        this.consolidation = new Consolidation(catalogue);
    }

    public ProjectFigures ofProject(String projectId) {
        return tally.figures(projectId).orElseThrow(() -> new NotFound("project", projectId));
    }

    public ConsolidatedView consolidated() {
        return consolidation.view(tally.figures());
    }
}
