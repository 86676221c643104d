package se.stegvis.reporting.indicators.application;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.Consolidation;
import se.stegvis.reporting.indicators.domain.IndicatorCatalogue;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.service.command.NotFound;

/**
 * The views: one project's exact figures for its STAFF and OWNERs, and the suppressed cross-project view for anyone
 * who is a member of some project, from the tally. Global roles alone (integrator, auditor, admin) see neither.
 */
public final class ReadIndicators {

    private final IndicatorTally tally;
    private final Consolidation consolidation;

    public ReadIndicators(IndicatorTally tally, IndicatorCatalogue catalogue) {
        this.tally = tally;
        this.consolidation = new Consolidation(catalogue);
    }

    /** Refused before the project is looked up, so a stranger cannot tell which project ids exist. */
    public ProjectFigures ofProject(Caller caller, String projectId) {
        caller.require(caller.isMemberOf(projectId), "read a project's exact figures");
        return tally.figures(projectId).orElseThrow(() -> new NotFound("project", projectId));
    }

    public ConsolidatedView consolidated(Caller caller) {
        mayFollowConsolidated(caller);
        return consolidatedForAdmitted();
    }

    /** Refuses unless the caller may see the cross-project view, or follow it live. */
    public void mayFollowConsolidated(Caller caller) {
        caller.require(caller.isMemberOfAnyProject(), "read the cross-project figures");
    }

    /**
     * The cross-project view, read once for every live stream; each stream's caller was admitted with
     * {@link #mayFollowConsolidated(Caller)} when it opened.
     */
    public ConsolidatedView consolidatedForAdmitted() {
        return consolidation.view(tally.figures());
    }
}
