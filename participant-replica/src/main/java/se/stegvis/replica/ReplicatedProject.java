package se.stegvis.replica;

import java.time.LocalDate;
import java.util.List;

/**
 * What a service that records for participants needs to know of a project, as the last {@code ProjectDefined} on
 * {@code stegvis.projects.v1} said.
 *
 * @param followUpPoints names of the follow-up points after leaving the project records outcomes at
 *        ({@code UPON_LEAVING}, {@code DAYS_90}, {@code MONTHS_6})
 */
public record ReplicatedProject(String projectId, LocalDate periodStart, LocalDate periodEnd, List<String> activityTypes,
        List<String> outcomeTypes, List<String> followUpPoints) {

    public ReplicatedProject {
        activityTypes = List.copyOf(activityTypes);
        outcomeTypes = List.copyOf(outcomeTypes);
        followUpPoints = List.copyOf(followUpPoints);
    }
}
