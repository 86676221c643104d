package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A project as its latest ProjectDefined states it: what the views name it by, its target groups (the breakdown every
 * indicator also has) and the targets it is measured against. {@code eventId} and {@code occurredAt} make it a
 * version: the later one wins whatever the delivery order. {@code periodStart} is the first day of the project period,
 * from which its ESF+ reporting periods run (null for a definition stored before it was kept).
 */
public record ProjectDefinition(String eventId, Instant occurredAt, String projectId, String name, String regionName,
                                String nuts2, int plannedParticipants, List<TargetDefinition> targets, List<String> targetGroups,
                                LocalDate periodStart)
        implements ProjectionEvent {

    static final Comparator<ProjectDefinition> VERSION = Comparator.comparing(ProjectDefinition::occurredAt)
            .thenComparing(ProjectDefinition::eventId);

    public ProjectDefinition {
        targets = List.copyOf(targets);
        targetGroups = List.copyOf(targetGroups);
    }

    /** A project whose period start is not known (a definition stored before it was kept). */
    public ProjectDefinition(String eventId, Instant occurredAt, String projectId, String name, String regionName, String nuts2,
            int plannedParticipants, List<TargetDefinition> targets, List<String> targetGroups) {
        this(eventId, occurredAt, projectId, name, regionName, nuts2, plannedParticipants, targets, targetGroups, null);
    }

    /** A project whose target groups are not known (a definition stored before they were kept). */
    public ProjectDefinition(String eventId, Instant occurredAt, String projectId, String name, String regionName, String nuts2,
            int plannedParticipants, List<TargetDefinition> targets) {
        this(eventId, occurredAt, projectId, name, regionName, nuts2, plannedParticipants, targets, List.of());
    }

    /** Whether this definition replaces the other one (null: none known yet). */
    public boolean supersedes(ProjectDefinition other) {
        return other == null || VERSION.compare(this, other) > 0;
    }
}
