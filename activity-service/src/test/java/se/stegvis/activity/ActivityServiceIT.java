package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.PrometheusText;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testing.TopicReader;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * activity-service end to end on a real broker, registry and Mongo-wire server: the replica is fed by publishing
 * participant-service's events, the service is driven over HTTP and its topic read back.
 */
class ActivityServiceIT {

    private static final String DATABASE = "activity-it-" + UUID.randomUUID();
    /** An invented project; each test enrols its own invented participants in it. */
    private static final String PROJECT = "99-" + Long.toHexString(System.nanoTime()).substring(0, 6) + "-A01";
    private static final LocalDate ENROLLED = LocalDate.of(2025, 2, 3);

    private static RunningActivityService service;
    private static Http http;
    private static Http management;
    private static final String STAFF = "activity-it-staff";
    private static UpstreamEvents upstream;
    private static MongoClient mongo;

    @BeforeAll
    static void start() {
        service = RunningActivityService.start(DATABASE);
        service.awaitReady();
        http = service.as(STAFF);
        management = new Http(service.managementUrl());
        upstream = new UpstreamEvents(SharedKafka.bootstrapServers(), RunningActivityService.registryUrl());
        upstream.defineProject(PROJECT, project -> project.setActivityTypes(List.of("DIGITAL_GUIDANCE", "WORK_TRAINING")));
        upstream.members(PROJECT, Map.of(STAFF, "STAFF"));
        service.awaitStaff(STAFF, PROJECT);
        mongo = MongoClients.create(SharedMongo.connectionString());
    }

    @AfterAll
    static void stop() {
        upstream.close();
        service.close();
        mongo.close();
    }

    @Test
    void a_recorded_activity_is_listed_and_published_under_the_participant_id_with_ids_type_date_and_hours_only() {
        UUID participant = enrolled();

        Http.Reply recorded = http.post(activitiesOf(participant), "{\"type\": \"DIGITAL_GUIDANCE\", \"date\": \"2025-02-10\", \"hours\": 1.5}");

        assertThat(recorded.status()).isEqualTo(201);
        String activityId = recorded.json().get("activityId").asText();
        assertThat(recorded.raw().headers().firstValue("Location")).contains("/api/activities/" + activityId);
        JsonNode listed = http.get(activitiesOf(participant)).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("activityId").asText()).isEqualTo(activityId);
        assertThat(listed.get(0).get("type").asText()).isEqualTo("DIGITAL_GUIDANCE");
        assertThat(listed.get(0).get("date").asText()).isEqualTo("2025-02-10");
        assertThat(listed.get(0).get("hours").decimalValue()).isEqualByComparingTo("1.5");

        ActivityRecorded event = (ActivityRecorded) eventsOf(participant, 1).get(0).event();
        assertThat(event.getActivityId()).hasToString(activityId);
        assertThat(event.getParticipantId()).isEqualTo(participant);
        assertThat(event.getProjectId()).isEqualTo(PROJECT);
        assertThat(event.getType()).isEqualTo("DIGITAL_GUIDANCE");
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(event.getHours()).isEqualTo(1.5);
    }

    @Test
    void a_request_breaking_every_rule_is_refused_naming_each_field_and_stores_and_publishes_nothing() {
        UUID participant = enrolled();

        Http.Reply refused = http.post(activitiesOf(participant), "{\"type\": \"INTERNSHIP\", \"date\": \"2025-02-02\", \"hours\": 24.5}");

        assertProblem(refused, 400);
        assertThat(refused.json().get("errors").findValuesAsString("pointer")).containsExactly("/type", "/date", "/hours");
        assertThat(storedFor(participant)).isZero();
        assertThat(http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-03\", \"hours\": 8}")
                .status()).isEqualTo(201);
        assertThat(eventsOf(participant, 1)).singleElement()
                .satisfies(m -> assertThat(((ActivityRecorded) m.event()).getType()).isEqualTo("WORK_TRAINING"));
    }

    @Test
    void malformed_json_unknown_fields_wrong_types_and_missing_fields_are_400_problems_never_500s() {
        UUID participant = enrolled();

        assertProblem(http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", "), 400);
        assertThat(pointers(http.post(activitiesOf(participant),
                "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-10\", \"hours\": 1, \"note\": \"free text\"}"))).containsExactly("/note");
        assertThat(pointers(http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-10\", \"hours\": \"many\"}")))
                .containsExactly("/hours");
        assertThat(pointers(http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"10/2/2025\", \"hours\": 1}")))
                .containsExactly("/date");
        assertThat(pointers(http.post(activitiesOf(participant), "{}"))).containsExactly("/type", "/date", "/hours");
        assertProblem(http.post(activitiesOf(participant), ""), 400);
        assertProblem(http.post("/api/participants/not-a-uuid/activities", "{}"), 400);
        assertProblem(http.delete("/api/activities/not-a-uuid"), 400);
        assertThat(storedFor(participant)).isZero();
    }

    @Test
    void a_participant_not_in_the_replica_yet_is_a_404_with_retry_advice() {
        UUID unknown = UUID.randomUUID();

        Http.Reply recording = http.post(activitiesOf(unknown), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-10\", \"hours\": 1}");

        assertProblem(recording, 404);
        assertThat(recording.json().get("type").asText()).endsWith("/not-known-yet");
        assertThat(recording.raw().headers().firstValue("Retry-After")).isPresent();
        assertProblem(http.get(activitiesOf(unknown)), 404);
        assertThat(storedFor(unknown)).isZero();
    }

    @Test
    void an_erased_participant_is_gone_for_recording_and_listing() {
        UUID participant = enrolled();
        upstream.erase(participant, PROJECT);
        service.awaitParticipant(participant, p -> p.erased());

        assertProblem(http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-10\", \"hours\": 1}"), 410);
        assertProblem(http.get(activitiesOf(participant)), 410);
        assertThat(storedFor(participant)).isZero();
    }

    @Test
    void after_leaving_an_activity_on_the_leaving_day_is_accepted_and_one_the_day_after_is_refused() {
        UUID participant = enrolled();
        upstream.leave(participant, PROJECT, LocalDate.of(2025, 3, 1));
        service.awaitParticipant(participant, p -> p.leftOn() != null);

        assertThat(http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-03-01\", \"hours\": 2}").status())
                .isEqualTo(201);
        Http.Reply after = http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-03-02\", \"hours\": 2}");
        assertProblem(after, 400);
        assertThat(pointers(after)).containsExactly("/date");
    }

    @Test
    void a_retracted_activity_leaves_the_list_with_one_retraction_published_however_often_it_is_retracted() {
        UUID participant = enrolled();
        Http.Reply recorded = http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-11\", \"hours\": 3}");
        String activityId = recorded.json().get("activityId").asText();
        String location = recorded.raw().headers().firstValue("Location").orElseThrow();
        assertThat(http.get(location).json().get("type").asText()).isEqualTo("WORK_TRAINING");

        assertThat(http.delete("/api/activities/" + activityId).status()).isEqualTo(204);
        assertProblem(http.get(location), 410);
        assertThat(http.delete("/api/activities/" + activityId).status()).isEqualTo(204);

        assertThat(http.get(activitiesOf(participant)).json()).isEmpty();
        Document stored = mongo.getDatabase(DATABASE).getCollection("activities").find(new Document("_id", activityId)).first();
        assertThat(stored.getBoolean("retracted")).isTrue();
        String later = http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-12\", \"hours\": 3}")
                .json().get("activityId").asText();
        List<TopicReader.Message> events = eventsOf(participant, 3);
        assertThat(events).extracting(m -> m.event().getClass().getSimpleName())
                .containsExactly("ActivityRecorded", "ActivityRetracted", "ActivityRecorded");
        assertThat(((ActivityRetracted) events.get(1).event()).getActivityId()).hasToString(activityId);
        assertThat(((ActivityRecorded) events.get(2).event()).getActivityId()).hasToString(later);
        assertProblem(http.delete("/api/activities/" + UUID.randomUUID()), 404);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_records_one_activity_and_another_activity_under_it_is_refused() {
        UUID participant = enrolled();
        String body = "{\"type\": \"DIGITAL_GUIDANCE\", \"date\": \"2025-02-14\", \"hours\": 0.75}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Http.Reply first = http.send("POST", activitiesOf(participant), body, key);
        Http.Reply retry = http.send("POST", activitiesOf(participant), body, key);
        Http.Reply other = http.send("POST", activitiesOf(participant), body.replace("0.75", "1"), key);

        assertThat(retry.json().get("activityId")).isEqualTo(first.json().get("activityId"));
        assertProblem(other, 422);
        assertThat(storedFor(participant)).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_is_refused_at_its_header_when_malformed_and_stored_only_as_a_hash() {
        UUID participant = enrolled();
        String body = "{\"type\": \"DIGITAL_GUIDANCE\", \"date\": \"2025-02-14\", \"hours\": 0.5}";
        for (String malformed : List.of("", "k".repeat(65), "two words", "semi;colon")) {
            Http.Reply refused = http.send("POST", activitiesOf(participant), body, Map.of("Idempotency-Key", malformed));
            assertProblem(refused, 400);
            assertThat(refused.json().get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(storedFor(participant)).isZero();

        Map<String, String> identityNumberAsKey = Map.of("Idempotency-Key", "19900101-1234");
        Http.Reply first = http.send("POST", activitiesOf(participant), body, identityNumberAsKey);
        Http.Reply retry = http.send("POST", activitiesOf(participant), body, identityNumberAsKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().get("activityId")).isEqualTo(first.json().get("activityId"));
        assertThat(storedFor(participant)).isEqualTo(1);
        for (Document raw : mongo.getDatabase(DATABASE).getCollection("activities").find()) {
            assertThat(raw.toJson()).doesNotContain("19900101-1234", "199001011234");
        }
    }

    @Test
    void the_service_reports_itself_up_describes_its_api_and_counts_its_outbox() {
        Http.Reply health = management.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/v3/api-docs").body()).contains("/api/participants/{participantId}/activities",
                "/api/activities/{activityId}");
        assertThat(service.context().getBean(MeterRegistry.class).find("stegvis.outbox.pending").gauge()).isNotNull();
    }

    @Test
    void prometheus_scrapes_the_outbox_and_the_replicas_consumer_both_caught_up_once_a_command_is_published() {
        UUID participant = enrolled();
        Http.Reply recorded = http.post(activitiesOf(participant), "{\"type\": \"WORK_TRAINING\", \"date\": \"2025-02-13\", \"hours\": 2}");
        assertThat(recorded.status()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String text = scrape();
            return PrometheusText.sample(text, "stegvis_outbox_pending", "collection=\"activities\"") == 0
                    && PrometheusText.sample(text, "stegvis_outbox_published_total", "") >= 1 && PrometheusText.sample(text, "stegvis_consumer_lag", "group=\"activity-service.replica") == 0;
        });

        Http.Reply prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(prometheus.body()).contains("# HELP stegvis_outbox_pending Outbox entries not yet acknowledged by Kafka",
                "# HELP stegvis_consumer_lag Records behind", "stegvis_outbox_publish_failures_total", "stegvis_consumer_dead_lettered_total",
                "stegvis_consumer_waiting{",
                "application=\"activity-service\"");
        assertThat(PrometheusText.sample(prometheus.body(), "stegvis_consumer_applied_total", "group=\"activity-service.replica")).as("the project and the participant")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void only_staff_of_the_participants_project_record_list_read_or_retract_and_to_anyone_else_the_participant_is_unknown() {
        UUID participant = enrolled();
        String body = "{\"type\": \"DIGITAL_GUIDANCE\", \"date\": \"2025-02-10\", \"hours\": 1.5}";
        String activityId = http.post(activitiesOf(participant), body).json().get("activityId").asText();
        Http.Reply unknown = http.post(activitiesOf(UUID.randomUUID()), body);

        for (Http other : List.of(service.as("activity-it-stranger"), service.as("activity-it-admin", "admin"),
                service.as("activity-it-auditor", "auditor"), service.as("activity-it-integrator", "integrator"))) {
            Http.Reply refused = other.post(activitiesOf(participant), body);
            assertProblem(refused, 404);
            assertThat(refused.json().get("type")).as("the same answer as for an unknown id").isEqualTo(unknown.json().get("type"));
            assertProblem(other.get(activitiesOf(participant)), 404);
            assertProblem(other.get("/api/activities/" + activityId), 404);
            assertProblem(other.delete("/api/activities/" + activityId), 404);
        }
        for (Http.Reply anonymous : List.of(http.anonymous().get(activitiesOf(participant)), http.anonymous().post(activitiesOf(participant), body),
                http.withToken(TestIssuer.shared().expiredToken(STAFF)).get(activitiesOf(participant)))) {
            assertProblem(anonymous, 401);
        }
        assertThat(storedFor(participant)).isEqualTo(1);
        assertThat(http.get("/api/activities/" + activityId).status()).isEqualTo(200);
        assertThat(new Http(service.baseUrl()).get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void a_service_that_cannot_read_the_memberships_is_alive_but_not_ready() {
        try (RunningActivityService cutOff = RunningActivityService.start("activity-cut-off-" + UUID.randomUUID(), "127.0.0.1:1")) {
            Http anonymous = new Http(cutOff.baseUrl());
            assertThat(anonymous.get("/livez").status()).isEqualTo(200);
            assertThat(anonymous.get("/readyz").status()).as("it could not tell a member from a stranger").isEqualTo(503);
        }
    }

    @Test
    void a_member_removed_from_the_project_is_refused_as_soon_as_the_service_learns_it() {
        UUID participant = enrolled();
        String leaver = "activity-it-leaver";
        upstream.members(PROJECT, Map.of(STAFF, "STAFF", leaver, "STAFF"));
        service.awaitStaff(leaver, PROJECT);
        Http leaving = service.as(leaver);
        assertThat(leaving.get(activitiesOf(participant)).status()).isEqualTo(200);

        upstream.members(PROJECT, Map.of(STAFF, "STAFF"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leaving.get(activitiesOf(participant)).status() == 404);
        assertThat(http.get(activitiesOf(participant)).status()).as("the one who stays").isEqualTo(200);
    }

    private static UUID enrolled() {
        UUID participant = upstream.enrol(PROJECT, ENROLLED);
        service.awaitParticipant(participant, p -> true);
        return participant;
    }

    private static String activitiesOf(UUID participant) {
        return "/api/participants/" + participant + "/activities";
    }

    private static long storedFor(UUID participant) {
        return mongo.getDatabase(DATABASE).getCollection("activities").countDocuments(new Document("participantId", participant.toString()));
    }

    private static List<TopicReader.Message> eventsOf(UUID participant, int count) {
        List<TopicReader.Message> events = TopicReader.await(EventTopic.ACTIVITIES.topicName(), RunningActivityService.registryUrl(),
                messages -> messages.stream().filter(m -> participant.toString().equals(m.key())).count() >= count);
        return events.stream().filter(m -> participant.toString().equals(m.key())).toList();
    }

    private static String scrape() {
        return management.get("/actuator/prometheus").body();
    }

    /** The value of the first sample of the metric whose labels contain the text, from the Prometheus text format. */
    private static List<String> pointers(Http.Reply reply) {
        assertProblem(reply, 400);
        return reply.json().get("errors").findValuesAsString("pointer");
    }

    private static void assertProblem(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
