package se.stegvis.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import se.stegvis.events.Gender;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ProjectDefined;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.PrometheusText;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.SharedMongo;

/** participant-service end to end on a real broker, registry and Mongo-wire server. */
@ExtendWith(OutputCaptureExtension.class)
class ParticipantServiceIT {

    private static final String DATABASE = "participant-it-" + UUID.randomUUID();
    private static RunningParticipantService service;
    private static Http http;
    private static Http integrator;
    private static Http management;
    private static MongoClient mongo;

    @BeforeAll
    static void start() {
        service = RunningParticipantService.start(DATABASE);
        http = service.staff("it-staff");
        integrator = service.as("it-integrator", "integrator");
        management = new Http(service.managementUrl());
        mongo = MongoClients.create(SharedMongo.connectionString());
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void the_catalogue_starts_with_the_three_current_projects_and_publishes_them() {
        Http.Reply projects = http.get("/api/projects");
        assertThat(projects.status()).isEqualTo(200);
        assertThat(projects.body()).contains("\"projectId\":\"23-073-S03\"", "\"projectId\":\"23-069-S06\"", "\"projectId\":\"23-079-S13\"");
        assertThat(http.get("/api/projects/23-073-S03").json().get("targets").toString())
                .contains("work-or-studies", "\"genderShares\":{\"WOMAN\":50,\"MAN\":50}",
                        "\"code\":\"digital-guidance-gang-defectors\"", "\"targetGroup\":\"GANG_DEFECTOR\"",
                        "\"targetGroup\":\"DOMESTIC_VIOLENCE_VICTIM\"");

        List<TopicReader.Message> events = TopicReader.await(EventTopic.PROJECTS.topicName(), RunningParticipantService.registryUrl(),
                messages -> messages.stream().anyMatch(m -> "23-079-S13".equals(m.key())));
        assertThat(events).anySatisfy(m -> assertThat(((ProjectDefined) m.event()).getPlannedParticipants()).isEqualTo(600));
    }

    @Test
    void an_enrolment_is_stored_sealed_and_published_without_personal_data(CapturedOutput logs) {
        String number = InventedPeople.identityNumber(LocalDate.of(1998, 4, 17), 321);
        Http.Reply enrolled = http.post("/api/projects/23-073-S03/participants",
                InventedPeople.enrolment(number, "Testa", "Påhittadsson", "PROTECTED_ADDRESS", "2025-02-03", "DOMESTIC_VIOLENCE_VICTIM"), Map.of());

        assertThat(enrolled.status()).isEqualTo(201);
        String participantId = enrolled.json().get("participantId").asText();
        assertThat(enrolled.raw().headers().firstValue("Location")).contains("/api/participants/" + participantId);
        Http.Reply read = http.get("/api/participants/" + participantId);
        assertThat(read.json().get("ageAtEntry").asInt()).isEqualTo(26);
        assertThat(read.json().get("person").get("familyName").asText()).isEqualTo("Påhittadsson");

        List<TopicReader.Message> events = TopicReader.await(EventTopic.PARTICIPANTS.topicName(), RunningParticipantService.registryUrl(),
                messages -> messages.stream().anyMatch(m -> participantId.equals(m.key())));
        TopicReader.Message event = events.stream().filter(m -> participantId.equals(m.key())).findFirst().orElseThrow();
        assertThat(((ParticipantEnrolled) event.event()).getEntryData().getAgeAtEntry()).isEqualTo(26);
        String onTheWire = new String(event.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(onTheWire).doesNotContain(number.replace("-", "").substring(2), "Testa", "Påhittadsson", "PROTECTED");

        Document raw = participants().find(new Document("_id", participantId)).first();
        assertThat(raw.toJson()).doesNotContain(number.substring(2, 8), "Testa", "Påhittadsson", "PROTECTED_ADDRESS");
        assertThat(logs.getAll()).doesNotContain(number, number.replace("-", ""), "Testa", "Påhittadsson");
    }

    @Test
    void the_same_person_enrolled_twice_in_a_project_is_answered_with_the_first_participant() {
        String number = InventedPeople.identityNumber(LocalDate.of(2001, 11, 2), 456);
        String body = InventedPeople.enrolment(number, "Dubbel", "Exempel", "NONE", "2025-03-11", "GANG_DEFECTOR");
        String first = http.post("/api/projects/23-073-S03/participants", body, Map.of()).json().get("participantId").asText();

        Http.Reply second = http.post("/api/projects/23-073-S03/participants", body, Map.of());

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("participantId").asText()).isEqualTo(first);
        assertThat(participants().countDocuments(new Document("projectId", "23-073-S03").append("entryData.enrolledOn", "2025-03-11")))
                .isEqualTo(1);

        String other = http.post("/api/projects/23-073-S03/participants", InventedPeople.enrolment(
                InventedPeople.identityNumber(LocalDate.of(2001, 11, 3), 457), "Annan", "Exempel", "NONE", "2025-03-12",
                "GANG_DEFECTOR"), Map.of()).json().get("participantId").asText();
        Http.Reply correctedIntoADuplicate = http.send("PATCH", "/api/participants/" + other,
                "{\"person\": {\"personalIdentityNumber\": \"" + number + "\"}}", Map.of());
        assertThat(correctedIntoADuplicate.status()).isEqualTo(409);
        assertThat(correctedIntoADuplicate.json().get("participantId").asText()).isEqualTo(first);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_enrolment() {
        String body = InventedPeople.enrolment(InventedPeople.identityNumber(LocalDate.of(1985, 1, 30), 789), "Åter", "Försök",
                "NONE", "2025-04-01", "YOUNG_PEOPLE_AT_RISK");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Http.Reply first = http.post("/api/projects/23-069-S06/participants", body, key);
        Http.Reply retry = http.post("/api/projects/23-069-S06/participants", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("participantId")).isEqualTo(first.json().get("participantId"));
        Http.Reply otherBody = http.post("/api/projects/23-069-S06/participants", body.replace("Åter", "Annan"), key);
        assertThat(otherBody.status()).isEqualTo(422);
    }

    @Test
    void an_idempotency_key_is_refused_at_its_header_when_malformed_and_stored_only_as_a_keyed_hash() {
        long before = participants().countDocuments();
        String body = InventedPeople.enrolment(InventedPeople.identityNumber(LocalDate.of(1986, 9, 9), 812), "Nyckel", "Hashad",
                "NONE", "2025-04-03", "YOUNG_PEOPLE_AT_RISK");
        for (String malformed : List.of("", "k".repeat(65), "two words", "semi;colon", "åäö")) {
            Http.Reply refused = http.post("/api/projects/23-069-S06/participants", body, Map.of("Idempotency-Key", malformed));
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(participants().countDocuments()).isEqualTo(before);

        Map<String, String> identityNumberAsKey = Map.of("Idempotency-Key", "19900101-1234");
        Http.Reply first = http.post("/api/projects/23-069-S06/participants", body, identityNumberAsKey);
        Http.Reply retry = http.post("/api/projects/23-069-S06/participants", body, identityNumberAsKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().get("participantId")).isEqualTo(first.json().get("participantId"));
        for (Document raw : participants().find()) {
            assertThat(raw.toJson()).doesNotContain("19900101-1234", "199001011234");
        }
    }

    @Test
    void simultaneous_retries_with_the_same_idempotency_key_all_answer_the_one_enrolment() throws Exception {
        String body = InventedPeople.enrolment(InventedPeople.identityNumber(LocalDate.of(1979, 11, 3), 246), "Samtidig", "Omförsök",
                "NONE", "2025-04-02", "YOUNG_PEOPLE_AT_RISK");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Reply>> replies = clients.invokeAll(Collections.nCopies(6,
                    () -> http.post("/api/projects/23-069-S06/participants", body, key)));

            Set<String> ids = new HashSet<>();
            for (Future<Http.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(201);
                ids.add(reply.get().json().get("participantId").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(participants().countDocuments(new Document("_id", ids.iterator().next()))).isOne();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void leaving_and_erasure_are_published_and_an_erased_participant_is_gone() {
        String number = InventedPeople.identityNumber(LocalDate.of(1990, 6, 15), 135);
        String id = http.post("/api/projects/23-073-S03/participants",
                InventedPeople.enrolment(number, "Lämnar", "Snart", "NONE", "2025-02-03", "GANG_DEFECTOR"), Map.of())
                .json().get("participantId").asText();

        assertThat(http.post("/api/participants/" + id + "/leave", "{\"leftOn\": \"2025-02-02\", \"reason\": \"COMPLETED\"}", Map.of())
                .json().get("field").asText()).isEqualTo("/leftOn");
        assertThat(http.post("/api/participants/" + id + "/leave", "{\"leftOn\": \"2025-07-20\", \"reason\": \"COMPLETED\"}", Map.of())
                .status()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/participants/" + id, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.get("/api/participants/" + id).status()).isEqualTo(410);
        for (Http.Reply afterErasure : List.of(http.send("PATCH", "/api/participants/" + id, "{\"gender\": \"MAN\"}", Map.of()),
                http.post("/api/participants/" + id + "/leave", "{\"leftOn\": \"2025-07-21\", \"reason\": \"COMPLETED\"}", Map.of()),
                http.send("DELETE", "/api/participants/" + id, null, Map.of()))) {
            assertThat(afterErasure.status()).isEqualTo(410);
            assertThat(afterErasure.contentType()).startsWith("application/problem+json");
        }

        List<TopicReader.Message> events = TopicReader.await(EventTopic.PARTICIPANTS.topicName(), RunningParticipantService.registryUrl(),
                messages -> messages.stream().filter(m -> id.equals(m.key())).count() == 3);
        assertThat(events.stream().filter(m -> id.equals(m.key())).map(m -> m.event().getClass().getSimpleName()).toList())
                .containsExactly("ParticipantEnrolled", "ParticipantLeft", "ParticipantErased");
        Document raw = participants().find(new Document("_id", id)).first();
        assertThat(raw).doesNotContainKeys("personal", "duplicateFingerprint");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_stores_nothing() {
        long before = participants().countDocuments();
        String valid = InventedPeople.enrolment(InventedPeople.identityNumber(LocalDate.of(1995, 5, 5), 246), "Fel", "Indata",
                "NONE", "2025-02-03", "GANG_DEFECTOR");
        Map<String, String> cases = Map.of(
                "{\"person\": ", "",
                valid.replace("\"gender\": \"WOMAN\"", "\"gender\": \"ROBOT\""), "/gender",
                valid.replaceAll("\"personalIdentityNumber\": \"[^\"]+\"", "\"personalIdentityNumber\": \"19950505-2461\""), "/person/personalIdentityNumber",
                valid.replace("2025-02-03", "2023-01-01"), "/enrolledOn",
                valid.replace("GANG_DEFECTOR", "ASTRONAUT"), "/targetGroup",
                valid.replace("\"homeless\": false", "\"homeless\": \"maybe\""), "/homeless",
                valid.replace(", \"protection\": \"NONE\"", ""), "/person/protection",
                valid.replace("\"ruralArea\": false", "\"ruralArea\": false, \"placementMunicipality\": \"Exempelby\""),
                "/placementMunicipality");
        cases.forEach((body, field) -> {
            Http.Reply reply = http.post("/api/projects/23-073-S03/participants", body, Map.of());
            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("field").asText()).as(body).isEqualTo(field);
        });
        assertThat(http.post("/api/projects/99-999-X99/participants", valid, Map.of()).status()).isEqualTo(404);
        assertThat(participants().countDocuments()).isEqualTo(before);
    }

    @Test
    void an_integrator_adds_a_project_and_changes_it() {
        String project = """
                {"name": "Samverkan mot utanförskap", "owner": {"name": "Exempelorganisationen"},
                 "region": {"name": "Sydsverige", "nuts2": "SE22"}, "period": {"start": "2016-09-01", "end": "2019-08-31"},
                 "plannedParticipants": 145,
                 "targetGroups": [{"code": "LONG_TERM_UNEMPLOYED_WITH_ILL_HEALTH", "label": "Long-term unemployed with ill health"}],
                 "activityTypes": ["INDIVIDUAL_GUIDANCE", "WORK_TRAINING", "INTERNSHIP"],
                 "outcomeTypes": ["EMPLOYED", "IN_EDUCATION_OR_TRAINING", "STEP_FORWARD"],
                 "targets": [{"code": "participants", "target": 145},
                             {"code": "work-or-studies", "target": 50, "outcomeTypes": ["EMPLOYED", "IN_EDUCATION_OR_TRAINING"]},
                             {"code": "guided", "target": 145, "activityTypes": ["INDIVIDUAL_GUIDANCE"]}]}
                """;
        String id = "2016-" + (10000 + new java.util.Random().nextInt(89999));
        assertThat(integrator.send("PUT", "/api/projects/" + id, project, Map.of()).status()).isEqualTo(201);
        assertThat(integrator.send("PUT", "/api/projects/" + id, project.replace("145,", "150,"), Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/api/projects/" + id).json().get("plannedParticipants").asInt()).isEqualTo(150);

        String unknownType = project.replace("\"target\": 50, \"outcomeTypes\": [\"EMPLOYED\", \"IN_EDUCATION_OR_TRAINING\"]",
                "\"target\": 50, \"outcomeTypes\": [\"EMPLOYED\", \"NOT_A_TYPE_OF_THIS_PROJECT\"]").replace("145,", "160,");
        Http.Reply invalid = integrator.send("PUT", "/api/projects/" + id, unknownType, Map.of());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asText()).isEqualTo("/targets/1/outcomeTypes/1");
        assertThat(http.get("/api/projects/" + id).json().get("plannedParticipants").asInt()).isEqualTo(150);

        String groupTarget = "{\"code\": \"guided\", \"target\": 145, \"activityTypes\": [\"INDIVIDUAL_GUIDANCE\"]}";
        Http.Reply strangersGroup = integrator.send("PUT", "/api/projects/" + id, project.replace(groupTarget,
                groupTarget.replace("}", ", \"targetGroup\": \"GANG_DEFECTOR\"}")), Map.of());
        assertThat(strangersGroup.status()).isEqualTo(400);
        assertThat(strangersGroup.contentType()).startsWith("application/problem+json");
        assertThat(strangersGroup.json().get("field").asText()).isEqualTo("/targets/2/targetGroup");
        assertThat(integrator.send("PUT", "/api/projects/" + id, project.replace(groupTarget,
                groupTarget.replace("}", ", \"targetGroup\": \"LONG_TERM_UNEMPLOYED_WITH_ILL_HEALTH\"}")), Map.of()).status())
                .isEqualTo(200);
        assertThat(http.get("/api/projects/" + id).json().get("targets").get(2).get("targetGroup").asText())
                .isEqualTo("LONG_TERM_UNEMPLOYED_WITH_ILL_HEALTH");

        for (String hostile : List.of("\"activityTypes\": [null, \"X\"]", "\"targets\": [null]", "\"targetGroups\": [null]",
                "\"followUpPoints\": [\"NEVER\"]")) {
            String field = hostile.substring(1, hostile.indexOf('"', 1));
            String body = project.substring(0, project.lastIndexOf('}')) + ", " + hostile + "}";
            Http.Reply reply = integrator.send("PUT", "/api/projects/" + id, body, Map.of());
            assertThat(reply.status()).as(hostile).isEqualTo(400);
            assertThat(reply.json().get("field").asText()).as(hostile).isEqualTo("/" + field + "/0");
        }
    }

    @Test
    void a_correction_publishes_the_full_corrected_entry_data_and_a_bad_one_changes_nothing() {
        String number = InventedPeople.identityNumber(LocalDate.of(2000, 2, 29), 357);
        String id = http.post("/api/projects/23-073-S03/participants",
                InventedPeople.enrolment(number, "Rätt", "Snart", "NONE", "2025-02-03", "GANG_DEFECTOR"), Map.of())
                .json().get("participantId").asText();

        Http.Reply corrected = http.send("PATCH", "/api/participants/" + id,
                "{\"gender\": \"NON_BINARY\", \"enrolledOn\": \"2025-03-01\"}", Map.of());
        Http.Reply refused = http.send("PATCH", "/api/participants/" + id, "{\"enrolledOn\": \"2030-01-01\"}", Map.of());

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("gender").asText()).isEqualTo("NON_BINARY");
        assertThat(corrected.json().get("ageAtEntry").asInt()).isEqualTo(25);
        assertThat(corrected.json().get("person").get("givenName").asText()).isEqualTo("Rätt");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("/enrolledOn");
        assertThat(http.get("/api/participants/" + id).json().get("enrolledOn").asText()).isEqualTo("2025-03-01");
        List<TopicReader.Message> events = TopicReader.await(EventTopic.PARTICIPANTS.topicName(), RunningParticipantService.registryUrl(),
                messages -> messages.stream().filter(m -> id.equals(m.key())).count() == 2);
        ParticipantEntryDataCorrected event = (ParticipantEntryDataCorrected) events.stream()
                .filter(m -> id.equals(m.key()) && m.event() instanceof ParticipantEntryDataCorrected).findFirst().orElseThrow().event();
        assertThat(event.getEntryData().getGender()).isEqualTo(Gender.NON_BINARY);
        assertThat(event.getEntryData().getTargetGroup()).isEqualTo("GANG_DEFECTOR");
    }

    @Test
    void a_list_leaves_out_the_personal_data_of_people_with_any_protection_level() {
        String shielded = http.post("/api/projects/23-069-S06/participants", InventedPeople.enrolment(
                InventedPeople.identityNumber(LocalDate.of(2006, 1, 12), 468), "Skyddad", "Person", "FICTITIOUS_IDENTITY",
                "2025-06-01", "YOUNG_PEOPLE_AT_RISK"), Map.of()).json().get("participantId").asText();
        String marked = http.post("/api/projects/23-069-S06/participants", InventedPeople.enrolment(
                InventedPeople.identityNumber(LocalDate.of(2006, 1, 14), 461), "Markerad", "Person", "CONFIDENTIALITY_MARKING",
                "2025-06-01", "YOUNG_PEOPLE_AT_RISK"), Map.of()).json().get("participantId").asText();
        String open = http.post("/api/projects/23-069-S06/participants", InventedPeople.enrolment(
                InventedPeople.identityNumber(LocalDate.of(2006, 1, 13), 469), "Öppen", "Person", "NONE",
                "2025-06-01", "YOUNG_PEOPLE_AT_RISK"), Map.of()).json().get("participantId").asText();

        Http.Reply list = http.get("/api/projects/23-069-S06/participants");

        assertThat(list.body()).doesNotContain("Skyddad", "Markerad").contains("Öppen");
        for (tools.jackson.databind.JsonNode participant : list.json()) {
            String id = participant.get("participantId").asText();
            if (id.equals(shielded) || id.equals(marked)) {
                assertThat(participant.get("person").isNull()).isTrue();
            } else if (id.equals(open)) {
                assertThat(participant.get("person").get("givenName").asText()).isEqualTo("Öppen");
            }
        }
    }

    @Test
    void the_openapi_description_is_served() {
        Http.Reply openApi = http.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/projects/{projectId}/participants", "/api/participants/{participantId}/leave",
                "/api/projects/{projectId}");
    }

    @Test
    void prometheus_scrapes_the_outbox_of_each_collection_which_is_empty_again_once_a_command_is_published() {
        double publishedBefore = PrometheusText.sample(scrape(), "stegvis_outbox_published_total", "");
        Http.Reply enrolled = http.post("/api/projects/23-069-S06/participants", InventedPeople.enrolment(InventedPeople.identityNumber(
                LocalDate.of(1993, 8, 21), 579), "Mätt", "Räknad", "NONE", "2025-05-05", "YOUNG_PEOPLE_AT_RISK"), Map.of());
        assertThat(enrolled.status()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String text = scrape();
            return PrometheusText.sample(text, "stegvis_outbox_pending", "collection=\"participants\"") == 0
                    && PrometheusText.sample(text, "stegvis_outbox_published_total", "") >= publishedBefore + 1;
        });

        Http.Reply prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(prometheus.body()).contains("# HELP stegvis_outbox_pending Outbox entries not yet acknowledged by Kafka",
                "application=\"participant-service\"", "# TYPE stegvis_outbox_published_total counter",
                "stegvis_outbox_publish_failures_total");
        assertThat(PrometheusText.sample(prometheus.body(), "stegvis_outbox_pending", "collection=\"projects\"")).isZero();
        for (String endpoint : List.of("env", "configprops", "heapdump", "loggers")) {
            assertThat(management.get("/actuator/" + endpoint).status()).as("nothing that could carry personal data").isIn(401, 404);
        }
    }

    private static String scrape() {
        return management.get("/actuator/prometheus").body();
    }

    /** The value of the first sample of the metric whose labels contain the text, from the Prometheus text format. */
    private static MongoCollection<Document> participants() {
        return mongo.getDatabase(DATABASE).getCollection("participants");
    }
}
