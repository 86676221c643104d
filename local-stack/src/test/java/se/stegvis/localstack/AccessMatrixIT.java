package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of every service, asked by nobody, with an expired token, a token naming another issuer and a forged
 * one ({@link RefusedTokens}), and by each demo identity of the stack's issuer, answers exactly as the table in
 * docs/security.md says; and every {@code /api} endpoint the services publish has a row there, so the table and the
 * code cannot drift apart. A row that changes something is sent, for an identity it allows, against a participant
 * made for that request; refused requests go to one shared participant, which must be unchanged afterwards.
 */
@ExtendWith(SharedStack.class)
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final String PROJECT = "23-073-S03";
    private static final String DEFINED = "2024-E2E-MATRIX";
    /** The ESF+ report the report rows ask about: a cut-off that has passed; malmo-owner submits it once. */
    private static final String CUT_OFF = "2025-12-31";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger PEOPLE = new AtomicInteger(5_600_000);
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final AccessMatrix matrix = AccessMatrix.read(SharedStack.ROOT.resolve("docs/security.md"));
    private RefusedTokens refused;
    private ServiceUrls urls;
    private Fixture shared;
    private JsonNode sharedBefore;

    /** A Utväg II participant who has left, with an activity and an outcome, known to every service. */
    private record Fixture(String participantId, String activityId, String outcomeId) {
    }

    @BeforeAll
    void make_the_shared_participant_and_the_project_the_catalogue_rows_change(SharedStack.Running stack) {
        refused = new RefusedTokens(stack.urls().tokens(), StackPlan.issuerKeyFile(stack.dataDir()));
        urls = ServiceUrls.onLoopback(stack.ports(), refused);
        shared = fixture(true);
        sharedBefore = send("malmo-staff", "GET", urls.participant() + "/api/participants/" + shared.participantId(), null).json();
        int defined = send("integrator", "PUT", urls.participant() + "/api/projects/" + DEFINED, PROJECT_DEFINITION).status;
        assertThat(defined).as("the project the catalogue rows change").isIn(200, 201);
    }

    @Test
    void every_endpoint_answers_every_identity_as_the_security_doc_says() {
        List<String> differences = new ArrayList<>();
        for (AccessMatrix.Row row : matrix.rows()) {
            row.expected().forEach((identity, expected) -> {
                int actual = ask(row, identity, expected);
                if (actual != expected) {
                    differences.add(row.endpoint() + " as " + identity + ": " + actual + ", the doc says " + expected);
                }
            });
        }
        assertThat(differences).as("answers that differ from docs/security.md").isEmpty();

        Answer participant = send("malmo-staff", "GET", urls.participant() + "/api/participants/" + shared.participantId(), null);
        assertThat(participant.status).as("the shared participant, refused every change").isEqualTo(200);
        assertThat(participant.json()).as("the shared participant, refused every change").isEqualTo(sharedBefore);
        assertThat(send("malmo-staff", "GET", urls.activity() + "/api/activities/" + shared.activityId(), null).status).isEqualTo(200);
        assertThat(send("malmo-staff", "GET", urls.outcome() + "/api/outcomes/" + shared.outcomeId(), null).json()
                .get("retracted").asBoolean()).isFalse();
    }

    @Test
    void the_refused_tokens_are_wrong_in_their_one_fault_only_since_signed_again_unchanged_a_token_is_accepted() {
        String participants = urls.participant() + "/api/projects/" + PROJECT + "/participants";

        Answer control = send("Bearer " + refused.resignedUnchanged(), participants);

        assertThat(control.status).as("a valid token of %s signed again with the key file's key", RefusedTokens.WHOSE)
                .isEqualTo(200);
        for (String kind : RefusedTokens.KINDS) {
            assertThat(send(urls.tokens().bearer(kind), participants).status).as(kind).isEqualTo(401);
        }
    }

    @Test
    void every_api_endpoint_the_services_publish_has_a_row_in_the_security_doc() {
        Set<String> published = new TreeSet<>();
        Map.of("participant", urls.participant(), "activity", urls.activity(), "outcome", urls.outcome(),
                "reporting", urls.reporting()).forEach((service, base) -> {
                    JsonNode paths = send(AccessMatrix.NONE, "GET", base + "/v3/api-docs", null).json().get("paths");
                    for (Map.Entry<String, JsonNode> path : paths.properties()) {
                        if (path.getKey().startsWith("/api/")) {
                            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                                published.add(service + " " + operation.getKey().toUpperCase() + " " + path.getKey());
                            }
                        }
                    }
                });
        Set<String> documented = new TreeSet<>(matrix.rows().stream().map(AccessMatrix.Row::endpoint).toList());

        assertThat(documented).as("rows of docs/security.md").containsExactlyElementsOf(published);
    }

    /** The status of one row asked by one identity; a request the rule allows is given its own state and time. */
    private int ask(AccessMatrix.Row row, String identity, int expected) {
        boolean allowed = expected < 300;
        boolean ownState = allowed && row.changes() && (row.path().startsWith("/api/participants/")
                || row.path().startsWith("/api/activities/") || row.path().startsWith("/api/outcomes/"));
        Fixture target = ownState ? fixture(!row.path().endsWith("/leave")) : shared;
        String subject = "matrix-member-" + SUBJECTS.incrementAndGet();
        if (row.method().equals("DELETE") && row.path().contains("/members/")) {
            assertThat(send("admin", "PUT", urls.participant() + "/api/projects/" + PROJECT + "/members/" + subject,
                    "{\"role\": \"STAFF\"}").status).isEqualTo(201);
        }
        String url = base(row.service()) + resolve(row, target, subject);
        String body = body(row);
        if (!allowed || !List.of("activity", "outcome", "reporting").contains(row.service())) {
            return send(identity, row.method(), url, body).status;
        }
        // The participant, and the caller's membership, reach these services through Kafka within moments.
        Answer[] last = new Answer[1];
        await().atMost(WholeSystemScenario.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = send(identity, row.method(), url, body);
            return last[0].status != 404 && last[0].status != 403;
        });
        return last[0].status;
    }

    private String resolve(AccessMatrix.Row row, Fixture target, String subject) {
        String path = row.path()
                .replace("{projectId}", row.method().equals("PUT") && row.path().equals("/api/projects/{projectId}") ? DEFINED : PROJECT)
                .replace("{participantId}", target.participantId()).replace("{activityId}", target.activityId())
                .replace("{outcomeId}", target.outcomeId()).replace("{subject}", subject).replace("{cutOff}", CUT_OFF);
        if (path.equals("/api/follow-ups/due")) {
            return path + "?projectId=" + PROJECT + "&before=2030-01-01";
        }
        return row.path().endsWith("/scb/participants") ? path + "?month=2025-06" : path;
    }

    private String body(AccessMatrix.Row row) {
        return switch (row.method() + " " + row.path()) {
            case "PUT /api/projects/{projectId}" -> PROJECT_DEFINITION;
            case "PUT /api/projects/{projectId}/members/{subject}" -> "{\"role\": \"STAFF\"}";
            case "POST /api/projects/{projectId}/participants" -> InventedPeople.enrolment(PEOPLE.incrementAndGet());
            case "PATCH /api/participants/{participantId}" -> "{\"gender\": \"MAN\"}";
            case "POST /api/participants/{participantId}/leave" -> LEAVING;
            case "POST /api/participants/{participantId}/activities" -> ACTIVITY;
            case "POST /api/participants/{participantId}/outcomes" -> OUTCOME;
            default -> null;
        };
    }

    /** A new Utväg II participant, with an activity, and (when it has left) an outcome, known to every service. */
    private Fixture fixture(boolean left) {
        Answer enrolled = send("malmo-staff", "POST", urls.participant() + "/api/projects/" + PROJECT + "/participants",
                InventedPeople.enrolment(PEOPLE.incrementAndGet()));
        assertThat(enrolled.status).as(enrolled.body).isEqualTo(201);
        String participantId = enrolled.json().get("participantId").asText();
        if (left) {
            assertThat(send("malmo-staff", "POST", urls.participant() + "/api/participants/" + participantId + "/leave", LEAVING).status)
                    .isEqualTo(200);
        }
        String activityId = untilKnown(urls.activity() + "/api/participants/" + participantId + "/activities", ACTIVITY)
                .json().get("activityId").asText();
        String outcomeId = left ? untilKnown(urls.outcome() + "/api/participants/" + participantId + "/outcomes", OUTCOME)
                .json().get("outcomeId").asText() : "no-outcome";
        return new Fixture(participantId, activityId, outcomeId);
    }

    private Answer untilKnown(String url, String body) {
        Answer[] last = new Answer[1];
        await().atMost(WholeSystemScenario.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = send("malmo-staff", "POST", url, body);
            return last[0].status == 201;
        });
        return last[0];
    }

    private String base(String service) {
        return switch (service) {
            case "participant" -> urls.participant();
            case "activity" -> urls.activity();
            case "outcome" -> urls.outcome();
            case "reporting" -> urls.reporting();
            default -> throw new IllegalArgumentException("No service " + service);
        };
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** The answer's status, and its body unless it is an event stream (which is closed once it answered). */
    private Answer send(String identity, String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!identity.equals(AccessMatrix.NONE)) {
            request.header("Authorization", urls.tokens().bearer(identity));
        }
        return send(request.build());
    }

    /** A GET with the {@code Authorization} header given. */
    private Answer send(String authorization, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", authorization).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                boolean events = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                return new Answer(response.statusCode(), events ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String LEAVING = "{\"leftOn\": \"2025-06-30\", \"reason\": \"COMPLETED\"}";
    private static final String ACTIVITY = "{\"type\": \"DIGITAL_GUIDANCE\", \"date\": \"2025-03-10\", \"hours\": 1}";
    private static final String OUTCOME = "{\"type\": \"EMPLOYED\", \"date\": \"2025-07-05\"}";
    private static final String PROJECT_DEFINITION = """
            {"name": "Behörighetsprovet (testprojekt)", "owner": {"name": "Testförbundet"},
             "region": {"name": "Sydsverige", "nuts2": "SE22"}, "period": {"start": "2024-01-01", "end": "2027-12-31"},
             "plannedParticipants": 10, "targetGroups": [{"code": "ANYONE", "label": "Anyone"}],
             "activityTypes": ["DIGITAL_GUIDANCE"], "outcomeTypes": ["EMPLOYED"],
             "targets": [{"code": "participants", "target": 10}]}""";
}
