package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One project's exact figures as they stood on a day: every indicator of the catalogue and every target of the project.
 *
 * @param asOf the latest occurredAt among the events the figures rest on, so a replay reproduces it exactly
 * @param day  the business day the figures are counted for (enrolments, leavings, outcomes and activities dated on or
 *             before it; follow-up points come by then)
 */
public record ProjectFigures(ProjectDefinition project, Instant asOf, LocalDate day, int participants,
                             List<IndicatorCount> indicators, List<TargetFigures> targets) {

    public ProjectFigures {
        indicators = List.copyOf(indicators);
        targets = List.copyOf(targets);
    }
}
