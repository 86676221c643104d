package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What the demo needs of a project, as participant-service's {@code GET /api/projects/{id}} answers it: the people
 * are made to fit the project's own period, target groups, activity and outcome types and follow-up points, so the
 * same loader fits a project that is changed or added through the API.
 *
 * @param targetedActivityTypes the activity types one of the project's targets counts (Utväg II: everyone is to get
 *                              digital guidance), given to most participants
 */
public record DemoProject(String id, String nuts2, LocalDate start, LocalDate end, int plannedParticipants,
        List<String> targetGroups, List<String> activityTypes, List<String> outcomeTypes, List<String> followUpPoints,
        List<String> targetedActivityTypes) {

    public DemoProject {
        if (targetGroups.isEmpty() || activityTypes.isEmpty()) {
            throw new IllegalArgumentException("Project " + id + " has no target groups or no activity types");
        }
    }

    static DemoProject from(JsonNode project) {
        Set<String> targeted = new LinkedHashSet<>();
        project.path("targets").forEach(target -> targeted.addAll(texts(target.path("activityTypes"))));
        List<String> groups = new ArrayList<>();
        project.path("targetGroups").forEach(group -> groups.add(group.path("code").asString()));
        JsonNode period = project.path("period");
        return new DemoProject(project.path("projectId").asString(), project.path("region").path("nuts2").asString(),
                LocalDate.parse(period.path("start").asString()), LocalDate.parse(period.path("end").asString()),
                project.path("plannedParticipants").asInt(), List.copyOf(groups), texts(project.path("activityTypes")),
                texts(project.path("outcomeTypes")), texts(project.path("followUpPoints")), List.copyOf(targeted));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asString()));
        return List.copyOf(texts);
    }
}
