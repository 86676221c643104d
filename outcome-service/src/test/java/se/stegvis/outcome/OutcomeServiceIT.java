package se.stegvis.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.events.FollowUpPoint.DAYS_90;
import static se.stegvis.events.FollowUpPoint.MONTHS_6;
import static se.stegvis.events.FollowUpPoint.UPON_LEAVING;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.PrometheusText;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/** outcome-service end to end on a real broker, registry and Mongo-wire server, fed by a stand-in for participant-service. */
class OutcomeServiceIT {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 15);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final LocalDate ENROLLED = LocalDate.of(2025, 2, 3);
    private static final String DATABASE = "outcome-it-" + UUID.randomUUID();

    private static RunningOutcomeService service;
    private static ParticipantServiceStandIn upstream;
    private static Http http;
    private static Http management;
    private static MongoClient mongo;
    private static String project;

    @BeforeAll
    static void start() {
        service = RunningOutcomeService.start(DATABASE, SharedKafka.bootstrapServers(),
                Clock.fixed(TODAY.atTime(10, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM));
        http = service.as(ParticipantServiceStandIn.STAFF);
        management = new Http(service.managementUrl());
        upstream = new ParticipantServiceStandIn(SharedKafka.bootstrapServers(), RunningOutcomeService.registryUrl());
        mongo = MongoClients.create(SharedMongo.connectionString());
        project = upstream.project(UPON_LEAVING, DAYS_90, MONTHS_6);
        service.awaitStaff(ParticipantServiceStandIn.STAFF, project);
        service.awaitProject(http, project);
    }

    @AfterAll
    static void stop() {
        upstream.close();
        service.close();
        mongo.close();
    }

    private static UUID replicated(UUID participantId) {
        service.awaitReplicated(http, participantId);
        return participantId;
    }

    @Test
    void only_staff_of_the_participants_project_record_list_read_retract_or_see_follow_ups_and_to_anyone_else_it_is_unknown() {
        UUID participant = replicated(upstream.left(project, ENROLLED, LocalDate.of(2025, 7, 20)));
        String body = "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-01\"}";
        String outcomeId = record(participant, body).json().get("outcomeId").asText();
        Http.Reply unknown = record(UUID.randomUUID(), body);

        for (Http other : List.of(service.as("outcome-it-stranger"), service.as("outcome-it-admin", "admin"),
                service.as("outcome-it-auditor", "auditor"))) {
            Http.Reply refused = other.post("/api/participants/" + participant + "/outcomes", body);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("type")).as("the same answer as for an unknown id").isEqualTo(unknown.json().get("type"));
            assertThat(other.get("/api/participants/" + participant + "/outcomes").status()).isEqualTo(404);
            assertThat(other.get("/api/outcomes/" + outcomeId).status()).isEqualTo(404);
            assertThat(other.delete("/api/outcomes/" + outcomeId).status()).isEqualTo(404);
            assertThat(other.get("/api/follow-ups/due?projectId=" + project + "&before=2026-12-31").status()).isEqualTo(403);
        }
        assertThat(http.anonymous().get("/api/participants/" + participant + "/outcomes").status()).isEqualTo(401);
        assertThat(outcomes().countDocuments(new Document("participantId", participant.toString()))).isEqualTo(1);
        assertThat(http.get("/api/outcomes/" + outcomeId).status()).isEqualTo(200);
    }

    private static Http.Reply record(UUID participantId, String body) {
        return http.post("/api/participants/" + participantId + "/outcomes", body, Map.of());
    }

    private static List<TopicReader.Message> outcomesOf(UUID participantId, int atLeast) {
        return TopicReader.await(EventTopic.OUTCOMES.topicName(), RunningOutcomeService.registryUrl(),
                messages -> messages.stream().filter(m -> participantId.toString().equals(m.key())).count() >= atLeast)
                .stream().filter(m -> participantId.toString().equals(m.key())).toList();
    }

    private static MongoCollection<Document> outcomes() {
        return mongo.getDatabase(DATABASE).getCollection("outcomes");
    }

    @Test
    void the_service_reports_itself_up_and_describes_its_api() {
        assertThat(management.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/v3/api-docs").body()).contains("/api/participants/{participantId}/outcomes",
                "/api/outcomes/{outcomeId}", "/api/follow-ups/due");
    }

    @Test
    void an_outcome_after_leaving_is_recorded_at_its_follow_up_point_and_published_under_the_participant() {
        UUID participant = replicated(upstream.left(project, ENROLLED, LocalDate.of(2025, 7, 20)));

        Http.Reply recorded = record(participant, "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-01\"}");

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("followUp").asText()).isEqualTo("UPON_LEAVING");
        String outcomeId = recorded.json().get("outcomeId").asText();
        assertThat(recorded.raw().headers().firstValue("Location")).contains("/api/outcomes/" + outcomeId);
        JsonNode listed = http.get("/api/participants/" + participant + "/outcomes").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("type").asText()).isEqualTo("EMPLOYED");
        assertThat(listed.get(0).get("date").asText()).isEqualTo("2025-08-01");

        OutcomeRecorded event = (OutcomeRecorded) outcomesOf(participant, 1).get(0).event();
        assertThat(event.getOutcomeId().toString()).isEqualTo(outcomeId);
        assertThat(event.getFollowUp()).isEqualTo(UPON_LEAVING);
        assertThat(event.getProjectId()).isEqualTo(project);
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2025, 8, 1));
    }

    @Test
    void the_projects_own_type_during_participation_one_on_day_29_and_one_on_day_90_after_leaving_get_their_points() {
        UUID taking = replicated(upstream.enrolled(project, ENROLLED));
        UUID leftDays29 = replicated(upstream.left(project, ENROLLED, TODAY.minusDays(29)));
        UUID leftDays90 = replicated(upstream.left(project, ENROLLED, TODAY.minusDays(90)));

        assertThat(record(taking, "{\"type\": \"STEP_FORWARD\", \"date\": \"2025-06-01\"}").json().get("followUp").asText())
                .isEqualTo("DURING_PARTICIPATION");
        assertThat(record(leftDays29, "{\"type\": \"JOB_SEARCHING\", \"date\": \"" + TODAY + "\"}").json().get("followUp").asText())
                .as("between the windows of upon leaving and 90 days").isEqualTo("OTHER");
        assertThat(record(leftDays90, "{\"type\": \"JOB_SEARCHING\", \"date\": \"" + TODAY + "\"}").json().get("followUp").asText())
                .isEqualTo("DAYS_90");
        assertThat(((OutcomeRecorded) outcomesOf(leftDays90, 1).get(0).event()).getFollowUp()).isEqualTo(DAYS_90);
    }

    @Test
    void bad_input_is_a_problem_naming_each_field_and_stores_and_publishes_nothing() {
        UUID participant = replicated(upstream.enrolled(project, ENROLLED));

        assertProblem(record(participant, "{\"type\": \"UNHEARD_OF\", \"date\": \"2025-09-16\"}"), "/type", "/date");
        assertProblem(record(participant, "{}"), "/type", "/date");
        assertProblem(record(participant, "{\"type\": \"EMPLOYED\", \"date\": \"2025-02-02\"}"), "/date");
        assertProblem(record(participant, "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-01\", \"municipality\": \"Malmö\"}"),
                "/municipality");
        assertProblem(record(participant, "{\"type\": \"EMPLOYED\", \"date\": \"1 August\"}"), "/date");
        assertProblem(record(participant, "{\"type\": [\"EMPLOYED\"], \"date\": \"2025-08-01\"}"), "/type");
        assertProblem(record(participant, "{\"type\": \"EMPLOYED\", "), "");
        assertProblem(http.post("/api/participants/not-a-uuid/outcomes", "{}", Map.of()), "participantId");
        assertThat(outcomes().countDocuments(new Document("participantId", participant.toString()))).isZero();

        assertThat(record(participant, "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-01\"}").status()).isEqualTo(201);
        assertThat(outcomesOf(participant, 1)).hasSize(1);
    }

    @Test
    void a_participant_not_known_yet_is_a_404_with_retry_advice_and_an_erased_one_is_gone() {
        Http.Reply unknown = record(UUID.randomUUID(), "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-01\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(unknown.json().get("type").asText()).endsWith("/not-known-yet");

        UUID erased = replicated(upstream.erased(project, ENROLLED));
        Http.Reply gone = record(erased, "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-01\"}");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(outcomes().countDocuments(new Document("participantId", erased.toString()))).isZero();
    }

    @Test
    void a_retracted_outcome_leaves_the_list_and_is_published_once_however_often_it_is_retracted() {
        UUID participant = replicated(upstream.enrolled(project, ENROLLED));
        String outcomeId = record(participant, "{\"type\": \"STEP_FORWARD\", \"date\": \"2025-05-05\"}").json().get("outcomeId").asText();

        assertThat(http.send("DELETE", "/api/outcomes/" + outcomeId, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/api/outcomes/" + outcomeId, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/api/outcomes/" + UUID.randomUUID(), null, Map.of()).status()).isEqualTo(404);

        assertThat(http.get("/api/participants/" + participant + "/outcomes").json()).isEmpty();
        assertThat(http.get("/api/outcomes/" + outcomeId).json().get("retracted").asBoolean()).isTrue();
        List<TopicReader.Message> events = outcomesOf(participant, 2);
        assertThat(events).extracting(m -> m.event().getClass().getSimpleName()).containsExactly("OutcomeRecorded", "OutcomeRetracted");
        assertThat(((OutcomeRetracted) events.get(1).event()).getOutcomeId().toString()).isEqualTo(outcomeId);
        assertThat(outcomes().find(new Document("_id", outcomeId)).first().getBoolean("retracted")).isTrue();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_outcome_and_another_outcome_under_it_is_refused() {
        UUID participant = replicated(upstream.left(project, ENROLLED, LocalDate.of(2025, 7, 20)));
        String body = "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-04\"}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Http.Reply first = http.post(outcomesPath(participant), body, key);
        Http.Reply retry = http.post(outcomesPath(participant), body, key);
        Http.Reply other = http.post(outcomesPath(participant), body.replace("2025-08-04", "2025-08-05"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        String outcomeId = first.json().get("outcomeId").asText();
        assertThat(retry.json().get("outcomeId").asText()).isEqualTo(outcomeId);
        assertThat(retry.json().get("followUp").asText()).isEqualTo("UPON_LEAVING");
        assertThat(retry.raw().headers().firstValue("Location")).contains("/api/outcomes/" + outcomeId);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(outcomes().countDocuments(new Document("participantId", participant.toString()))).isEqualTo(1);
        assertThat(recordedIdsOnTheTopic(participant)).containsExactly(outcomeId);
    }

    @Test
    void an_idempotency_key_is_refused_at_its_header_when_malformed_and_stored_only_as_a_hash() {
        UUID participant = replicated(upstream.left(project, ENROLLED, LocalDate.of(2025, 7, 20)));
        String body = "{\"type\": \"EMPLOYED\", \"date\": \"2025-08-04\"}";
        for (String malformed : List.of("", "k".repeat(65), "two words", "semi;colon")) {
            Http.Reply refused = http.post(outcomesPath(participant), body, Map.of("Idempotency-Key", malformed));
            assertProblem(refused, "Idempotency-Key");
        }
        assertThat(outcomes().countDocuments(new Document("participantId", participant.toString()))).isZero();

        Map<String, String> identityNumberAsKey = Map.of("Idempotency-Key", "19900101-1234");
        Http.Reply first = http.post(outcomesPath(participant), body, identityNumberAsKey);
        Http.Reply retry = http.post(outcomesPath(participant), body, identityNumberAsKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().get("outcomeId")).isEqualTo(first.json().get("outcomeId"));
        assertThat(outcomes().countDocuments(new Document("participantId", participant.toString()))).isEqualTo(1);
        for (Document raw : outcomes().find()) {
            assertThat(raw.toJson()).doesNotContain("19900101-1234", "199001011234");
        }
    }

    @Test
    void simultaneous_retries_with_one_idempotency_key_all_answer_one_outcome() throws Exception {
        UUID participant = replicated(upstream.enrolled(project, ENROLLED));
        String body = "{\"type\": \"STEP_FORWARD\", \"date\": \"2025-06-03\"}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        try {
            List<CompletableFuture<Http.Reply>> sent = IntStream.range(0, retries)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return http.post(outcomesPath(participant), body, key);
                    }, pool)).toList();
            start.countDown();
            List<Http.Reply> replies = sent.stream().map(CompletableFuture::join).toList();

            assertThat(replies).extracting(Http.Reply::status).containsOnly(201);
            assertThat(replies).extracting(reply -> reply.json().get("outcomeId").asText()).hasSize(retries).containsOnly(
                    replies.get(0).json().get("outcomeId").asText());
            assertThat(outcomes().countDocuments(new Document("participantId", participant.toString()))).isEqualTo(1);
            assertThat(recordedIdsOnTheTopic(participant)).containsExactly(replies.get(0).json().get("outcomeId").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcomesPath(UUID participantId) {
        return "/api/participants/" + participantId + "/outcomes";
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The ids of the participant's OutcomeRecorded events, read once a later marker outcome (without a key) is on the
     * topic too, so a second event of the keyed outcome would have had its chance to show; the marker is left out.
     */
    private static List<String> recordedIdsOnTheTopic(UUID participantId) {
        String marker = record(participantId, "{\"type\": \"JOB_SEARCHING\", \"date\": \"" + TODAY + "\"}")
                .json().get("outcomeId").asText();
        List<TopicReader.Message> messages = TopicReader.await(EventTopic.OUTCOMES.topicName(), RunningOutcomeService.registryUrl(),
                all -> all.stream().anyMatch(m -> m.event() instanceof OutcomeRecorded recorded
                        && recorded.getOutcomeId().toString().equals(marker)));
        return messages.stream().filter(m -> participantId.toString().equals(m.key()))
                .filter(m -> m.event() instanceof OutcomeRecorded).map(m -> ((OutcomeRecorded) m.event()).getOutcomeId().toString())
                .filter(id -> !id.equals(marker)).toList();
    }

    @Test
    void follow_ups_due_list_who_to_contact_until_an_outcome_is_recorded_and_again_after_its_retraction() {
        String withoutDays90 = upstream.project(UPON_LEAVING, MONTHS_6);
        service.awaitStaff(ParticipantServiceStandIn.STAFF, withoutDays90);
        service.awaitProject(http, withoutDays90);
        UUID leftTwoWeeksAgo = replicated(upstream.left(withoutDays90, ENROLLED, LocalDate.of(2025, 9, 1)));
        UUID leftLongAgo = replicated(upstream.left(withoutDays90, ENROLLED, LocalDate.of(2025, 3, 20)));
        replicated(upstream.enrolled(withoutDays90, ENROLLED));
        String due = "/api/follow-ups/due?projectId=" + withoutDays90 + "&before=2025-09-21";

        assertThat(dueList(due)).containsExactly(
                leftTwoWeeksAgo + " UPON_LEAVING 2025-09-01 2025-09-29",
                leftLongAgo + " MONTHS_6 2025-09-20 2025-10-18");
        String outcomeId = record(leftTwoWeeksAgo, "{\"type\": \"EMPLOYED\", \"date\": \"2025-09-10\"}").json().get("outcomeId").asText();
        assertThat(dueList(due)).containsExactly(leftLongAgo + " MONTHS_6 2025-09-20 2025-10-18");

        http.send("DELETE", "/api/outcomes/" + outcomeId, null, Map.of());
        assertThat(dueList(due)).contains(leftTwoWeeksAgo + " UPON_LEAVING 2025-09-01 2025-09-29");
    }

    @Test
    void follow_ups_due_needs_a_known_project_and_a_day() {
        assertThat(http.get("/api/follow-ups/due?projectId=00-000-X00&before=2025-10-01").status()).isEqualTo(404);
        assertProblem(http.get("/api/follow-ups/due"), "projectId", "before");
        assertProblem(http.get("/api/follow-ups/due?projectId=" + project + "&before=soon"), "before");
    }

    private static List<String> dueList(String path) {
        Http.Reply reply = http.get(path);
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.json().spliterator(), false)
                .map(n -> n.get("participantId").asText() + " " + n.get("followUp").asText() + " " + n.get("dueOn").asText()
                        + " " + n.get("windowClosesOn").asText())
                .toList();
    }

    @Test
    void prometheus_scrapes_the_outbox_and_the_replicas_consumer_both_caught_up_once_a_command_is_published() {
        UUID participant = replicated(upstream.enrolled(project, ENROLLED));
        assertThat(record(participant, "{\"type\": \"STEP_FORWARD\", \"date\": \"2025-06-02\"}").status()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String text = scrape();
            return PrometheusText.sample(text, "stegvis_outbox_pending", "collection=\"outcomes\"") == 0
                    && PrometheusText.sample(text, "stegvis_outbox_published_total", "") >= 1 && PrometheusText.sample(text, "stegvis_consumer_lag", "group=\"outcome-service.replica") == 0;
        });

        Http.Reply prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(prometheus.body()).contains("# HELP stegvis_outbox_pending Outbox entries not yet acknowledged by Kafka",
                "# HELP stegvis_consumer_lag Records behind", "stegvis_outbox_publish_failures_total", "stegvis_consumer_dead_lettered_total",
                "stegvis_consumer_waiting{",
                "application=\"outcome-service\"");
        assertThat(PrometheusText.sample(prometheus.body(), "stegvis_consumer_applied_total", "group=\"outcome-service.replica")).as("the project and the participant")
                .isGreaterThanOrEqualTo(2);
    }

    private static String scrape() {
        return management.get("/actuator/prometheus").body();
    }

    /** The value of the first sample of the metric whose labels contain the text, from the Prometheus text format. */
    private static void assertProblem(Http.Reply reply, String... pointers) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(StreamSupport.stream(reply.json().get("errors").spliterator(), false)
                .map(error -> error.get("pointer").asText())).containsExactly(pointers);
    }
}
