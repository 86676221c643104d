package se.stegvis.localstack.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

import se.stegvis.localstack.DemoMembers;

/**
 * Sends a {@link DemoPlan} through the services' public HTTP APIs, in four passes: every enrolment, then the
 * activities, the leavings, the outcomes. By the time the activities go out, activity-service has long learnt of the
 * first enrolments through Kafka, so few requests meet a not-known-yet; and the outcomes come after every leaving,
 * which outcome-service must know to file an outcome at its follow-up point.
 *
 * <p>Loading again adds nothing: enrolments and activities carry fixed Idempotency-Keys; leaving is sent only to whom
 * participant-service lists as not left; outcome-service takes no Idempotency-Key, so {@link OutcomeLoader} records
 * only what the participant's list of outcomes lacks.
 *
 * <p>Each participant is sent as the staff of its project ({@link DemoMembers}). activity- and outcome-service learn
 * that membership from Kafka, so there a 403 or 404 is sent again for a while ({@link DemoHttp#awaitingMembership()}).
 */
final class DemoLoader {

    /** How long to retry a not-known-yet: a first start's replicas need a few seconds to join their consumer groups. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final DemoSettings settings;
    private final DemoHttp http;
    private final PrintStream out;
    private final DemoSummary summary = new DemoSummary();

    DemoLoader(DemoSettings settings, DemoHttp http, PrintStream out) {
        this.settings = settings;
        this.http = http;
        this.out = out;
    }

    DemoSummary load(DemoPlan plan) {
        Map<String, JsonNode> before = listed(plan.projects());
        Map<DemoPerson, String> ids = enrol(plan.people(), before);
        each(ids, "participants' activities recorded", (person, id) -> recordActivities(person, id, before.containsKey(id)));
        ids.forEach((person, id) -> leave(person, id, before.get(id)));
        each(ids, "participants' outcomes recorded", (person, id) ->
                new OutcomeLoader(settings.outcomeService(), replicaOf(person.projectId()), summary).reconcile(person, id));
        return summary;
    }

    /** As the project's staff, to participant-service, which keeps the memberships itself. */
    private DemoHttp staffOf(String projectId) {
        return http.as(DemoMembers.staffOf(projectId));
    }

    /** As the project's staff, to a service that learns the membership moments after it was granted. */
    private DemoHttp replicaOf(String projectId) {
        return staffOf(projectId).awaitingMembership();
    }

    private void each(Map<DemoPerson, String> ids, String what, BiConsumer<DemoPerson, String> action) {
        Progress progress = new Progress(out, what, ids.size());
        int done = 0;
        for (Map.Entry<DemoPerson, String> person : ids.entrySet()) {
            action.accept(person.getKey(), person.getValue());
            progress.after(++done);
        }
    }

    /** Everyone each project has now, by participant id, with their leaving day if they left. */
    private Map<String, JsonNode> listed(List<DemoProject> projects) {
        Map<String, JsonNode> listed = new HashMap<>();
        for (DemoProject project : projects) {
            staffOf(project.id()).get(settings.participantService(), "/api/projects/" + project.id() + "/participants")
                    .expect("GET the participants of " + project.id(), 200)
                    .body().forEach(participant -> listed.put(participant.path("participantId").asString(), participant));
        }
        return listed;
    }

    private Map<DemoPerson, String> enrol(List<DemoPerson> people, Map<String, JsonNode> before) {
        Map<DemoPerson, String> ids = new LinkedHashMap<>();
        Progress progress = new Progress(out, "participants enrolled", people.size());
        int done = 0;
        for (DemoPerson person : people) {
            DemoHttp.Answer answer = staffOf(person.projectId()).post(settings.participantService(),
                    "/api/projects/" + person.projectId() + "/participants", person.enrolment(), person.key())
                    .expect("Enrolment " + person.key(), 201, 409);
            if (answer.status() == 409) {
                summary.enrolledOtherwise++;
            } else {
                String id = answer.text("participantId");
                ids.put(person, id);
                summary.participants++;
                summary.newParticipants += before.containsKey(id) ? 0 : 1;
            }
            progress.after(++done);
        }
        return ids;
    }

    /** @param known whether the participant was there before this load, and may have activities already */
    private void recordActivities(DemoPerson person, String id, boolean known) {
        DemoHttp http = replicaOf(person.projectId());
        Set<String> there = new HashSet<>();
        if (known) {
            http.get(settings.activityService(), "/api/participants/" + id + "/activities")
                    .expect("GET the activities of " + id, 200).body()
                    .forEach(activity -> there.add(activity.path("activityId").asString()));
        }
        for (DemoActivity activity : person.activities()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", activity.type());
            body.put("date", activity.date().toString());
            body.put("hours", activity.hours());
            String activityId = http.post(settings.activityService(), "/api/participants/" + id + "/activities", body,
                    activity.idempotencyKey()).expect("Activity " + activity.idempotencyKey(), 201).text("activityId");
            if (activity.mistaken()) {
                // Retracting again is a 204 that publishes nothing, so a second load may send it too.
                http.delete(settings.activityService(), "/api/activities/" + activityId).expect("Retraction", 204);
                summary.activitySlips++;
            } else {
                summary.activities++;
                summary.newActivities += there.contains(activityId) ? 0 : 1;
            }
        }
    }

    private void leave(DemoPerson person, String id, JsonNode listed) {
        if (person.leaving() == null) {
            return;
        }
        if (listed != null && !listed.path("leftOn").isNull() && !listed.path("leftOn").isMissingNode()) {
            summary.leftBefore++;
            return;
        }
        staffOf(person.projectId()).post(settings.participantService(), "/api/participants/" + id + "/leave",
                Map.of("leftOn", person.leaving().leftOn().toString(), "reason", person.leaving().reason()), null)
                .expect("Leaving of " + person.key(), 200);
        summary.leftNow++;
    }
}
