package se.stegvis.reporting.indicators.application;

import java.time.LocalDate;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.domain.ConsolidatedView;
import se.stegvis.reporting.indicators.domain.Consolidation;
import se.stegvis.reporting.indicators.domain.IndicatorCatalogue;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;

/**
 * The views: one project's exact figures for its STAFF and OWNERs, and the suppressed cross-project view for anyone
 * who is a member of some project, from the tally. Global roles alone (integrator, auditor, admin) see neither.
 *
 * <p>Each view is of a day: today unless an earlier one is asked for ({@code asOf}), when the figures are as they stood
 * by the business dates (enrolled, left, outcome and activity dates on or before it; follow-up points that had come by
 * then). A day after today is refused: nothing is dated then yet, and figures for it would only repeat today's while
 * looking like a forecast.
 */
public final class ReadIndicators {

    /** The name of the parameter that asks for an earlier day, as a refusal names it. */
    public static final String AS_OF = "asOf";

    private final IndicatorTally tally;
    private final Consolidation consolidation;

    public ReadIndicators(IndicatorTally tally, IndicatorCatalogue catalogue) {
        this.tally = tally;
        this.consolidation = new Consolidation(catalogue);
    }

    /** Today's figures of the project. */
    public ProjectFigures ofProject(Caller caller, String projectId) {
        return ofProject(caller, projectId, null);
    }

    /**
     * The project's figures on {@code asOf} (null: today). Refused before the project is looked up, so a stranger
     * cannot tell which project ids exist.
     */
    public ProjectFigures ofProject(Caller caller, String projectId, LocalDate asOf) {
        caller.require(caller.isMemberOf(projectId), "read a project's exact figures");
        return tally.figures(projectId, day(asOf)).orElseThrow(() -> new NotFound("project", projectId));
    }

    /** Today's cross-project view. */
    public ConsolidatedView consolidated(Caller caller) {
        return consolidated(caller, null);
    }

    /** The cross-project view on {@code asOf} (null: today). */
    public ConsolidatedView consolidated(Caller caller, LocalDate asOf) {
        mayFollowConsolidated(caller);
        LocalDate day = day(asOf);
        return consolidation.view(tally.figures(day), day);
    }

    /** Refuses unless the caller may see the cross-project view, or follow it live. */
    public void mayFollowConsolidated(Caller caller) {
        caller.require(caller.isMemberOfAnyProject(), "read the cross-project figures");
    }

    /**
     * Today's cross-project view, read once for every live stream (the stream is always of today); each stream's
     * caller was admitted with {@link #mayFollowConsolidated(Caller)} when it opened.
     */
    public ConsolidatedView consolidatedForAdmitted() {
        LocalDate today = tally.today();
        return consolidation.view(tally.figures(today), today);
    }

    private LocalDate day(LocalDate asOf) {
        LocalDate today = tally.today();
        if (asOf == null) {
            return today;
        }
        if (asOf.isAfter(today)) {
            throw new InvalidCommand(AS_OF, "must not be after today, " + today + ": figures are of days that have come");
        }
        return asOf;
    }
}
