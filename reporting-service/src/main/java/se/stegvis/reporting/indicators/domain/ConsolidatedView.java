package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every project's indicators side by side and their total on a day, suppressed (see {@link ComplementarySuppression}).
 *
 * @param asOf the latest occurredAt among the events the figures rest on
 * @param day  the business day the figures are counted for
 */
public record ConsolidatedView(Instant asOf, LocalDate day, List<Column> projects, List<ShownCount> total) {

    public record Column(ProjectDefinition project, int plannedParticipants, List<ShownCount> indicators) {
    }
}
