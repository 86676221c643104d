package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.util.List;

/**
 * One project's exact figures: every indicator of the catalogue and every target of the project.
 *
 * @param asOf the latest occurredAt among the events the figures rest on, so a replay reproduces it exactly
 */
public record ProjectFigures(ProjectDefinition project, Instant asOf, int participants, List<IndicatorCount> indicators,
                             List<TargetFigures> targets) {

    public ProjectFigures {
        indicators = List.copyOf(indicators);
        targets = List.copyOf(targets);
    }
}
