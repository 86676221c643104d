package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A project as its latest ProjectDefined states it: what the views name it by and the targets it is measured
 * against. {@code eventId} and {@code occurredAt} make it a version: the later one wins whatever the delivery order.
 */
public record ProjectDefinition(String eventId, Instant occurredAt, String projectId, String name, String regionName,
                                String nuts2, int plannedParticipants, List<TargetDefinition> targets)
        implements ProjectionEvent {

    static final Comparator<ProjectDefinition> VERSION = Comparator.comparing(ProjectDefinition::occurredAt)
            .thenComparing(ProjectDefinition::eventId);

    public ProjectDefinition {
        targets = List.copyOf(targets);
    }

    /** Whether this definition replaces the other one (null: none known yet). */
    public boolean supersedes(ProjectDefinition other) {
        return other == null || VERSION.compare(this, other) > 0;
    }
}
