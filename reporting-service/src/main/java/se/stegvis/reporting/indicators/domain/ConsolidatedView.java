package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.util.List;

/** Every project's indicators side by side and their total, suppressed (see {@link ComplementarySuppression}). */
public record ConsolidatedView(Instant asOf, List<Column> projects, List<ShownCount> total) {

    public record Column(ProjectDefinition project, int plannedParticipants, List<ShownCount> indicators) {
    }
}
