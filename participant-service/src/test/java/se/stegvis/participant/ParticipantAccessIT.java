package se.stegvis.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.SharedMongo;

/**
 * Who may do what on participant-service, through HTTP with real tokens from an issuer the service fetches the keys
 * of: sign-in, the members paths, each rule on participants, and the audit trail.
 */
class ParticipantAccessIT {

    private static final String DATABASE = "participant-access-it-" + UUID.randomUUID();
    private static final String MALMO = "23-073-S03";
    private static final String GOTEBORG = "23-069-S06";

    private static RunningParticipantService service;
    private static MongoClient mongo;
    private static Http staff;
    private static Http otherStaff;
    private static Http owner;
    private static Http admin;
    private static Http auditor;
    private static Http integrator;
    private static Http signedInOnly;

    @BeforeAll
    static void start() {
        service = RunningParticipantService.start(DATABASE);
        mongo = MongoClients.create(SharedMongo.connectionString());
        service.grant(MALMO, "access-staff", "STAFF");
        service.grant(GOTEBORG, "access-other-staff", "STAFF");
        service.grant(MALMO, "access-owner", "OWNER");
        staff = service.as("access-staff");
        otherStaff = service.as("access-other-staff");
        owner = service.as("access-owner");
        admin = service.as("access-admin", "admin");
        auditor = service.as("access-auditor", "auditor");
        integrator = service.as("access-integrator", "integrator");
        signedInOnly = service.as("access-nobody");
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void without_a_valid_token_for_this_issuer_and_audience_every_api_path_is_a_401_problem() {
        Http anonymous = new Http(service.baseUrl());
        Map<String, Http> refused = TestIssuer.shared().refusedClients(anonymous, "access-staff");
        refused.forEach((what, client) -> {
            for (Http.Reply reply : List.of(client.get("/api/projects"), client.get("/api/projects/" + MALMO + "/participants"),
                    client.post("/api/projects/" + MALMO + "/participants", "{}"), client.get("/api/audit"),
                    client.get("/api/projects/" + MALMO + "/scb/participants?month=2025-03"))) {
                assertThat(reply.status()).as(what).isEqualTo(401);
                assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
                assertThat(reply.json().get("type").asText()).as(what).endsWith("/unauthorized");
                assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).as(what).hasValueSatisfying(
                        header -> assertThat(header).startsWith("Bearer"));
            }
        });
        assertThat(staff.get("/api/projects").status()).as("the same subject with a valid token").isEqualTo(200);
    }

    @Test
    void health_and_readiness_are_open_on_the_api_port_and_metrics_only_on_the_management_port() {
        Http anonymous = new Http(service.baseUrl());
        assertThat(anonymous.get("/livez").status()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(staff.get("/actuator/prometheus").status()).as("not on the API port").isEqualTo(404);
        Http management = new Http(service.managementUrl());
        assertThat(management.get("/actuator/health").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").body()).contains("stegvis_outbox_pending");
    }

    @Test
    void anyone_signed_in_reads_the_catalogue_and_only_an_integrator_changes_it() {
        assertThat(signedInOnly.get("/api/projects").status()).isEqualTo(200);
        assertThat(signedInOnly.get("/api/projects/" + MALMO).status()).isEqualTo(200);
        String project = """
                {"name": "Ett påhittat projekt", "owner": {"name": "Exempelorganisationen"},
                 "region": {"name": "Sydsverige", "nuts2": "SE22"}, "period": {"start": "2016-09-01", "end": "2019-08-31"},
                 "plannedParticipants": 10, "targetGroups": [{"code": "ANYONE", "label": "Anyone"}],
                 "activityTypes": ["INDIVIDUAL_GUIDANCE"], "outcomeTypes": ["EMPLOYED"],
                 "targets": [{"code": "participants", "target": 10}]}
                """;
        for (Http notAnIntegrator : List.of(staff, owner, admin, auditor, signedInOnly)) {
            Http.Reply refused = notAnIntegrator.put("/api/projects/98-100-T01", project);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(notAnIntegrator.put("/api/projects/98-100-T01", "{}").status()).as("not told what a definition holds").isEqualTo(403);
        }
        assertThat(signedInOnly.get("/api/projects/98-100-T01").status()).isEqualTo(404);
        assertThat(integrator.put("/api/projects/98-100-T01", project).status()).isEqualTo(201);
        assertThat(signedInOnly.get("/api/projects/98-100-T01").status()).isEqualTo(200);
    }

    @Test
    void an_admin_and_the_projects_owners_manage_its_members_and_each_change_publishes_the_whole_membership() {
        assertThat(admin.put("/api/projects/" + GOTEBORG + "/members/access-newcomer", "{\"role\": \"STAFF\"}").status()).isEqualTo(201);
        assertThat(admin.put("/api/projects/" + GOTEBORG + "/members/access-newcomer", "{\"role\": \"OWNER\"}").status()).isEqualTo(200);
        assertThat(owner.put("/api/projects/" + MALMO + "/members/access-hired", "{\"role\": \"STAFF\"}").status()).isEqualTo(201);
        Http.Reply members = owner.get("/api/projects/" + MALMO + "/members");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.body()).contains("{\"subject\":\"access-hired\",\"role\":\"STAFF\"}",
                "{\"subject\":\"access-owner\",\"role\":\"OWNER\"}");
        assertThat(owner.delete("/api/projects/" + MALMO + "/members/access-hired").status()).isEqualTo(204);
        assertThat(owner.get("/api/projects/" + MALMO + "/members").body()).doesNotContain("access-hired");

        for (Http refused : List.of(staff, otherStaff, auditor, integrator, signedInOnly)) {
            assertThat(refused.get("/api/projects/" + MALMO + "/members").status()).isEqualTo(403);
            assertThat(refused.put("/api/projects/" + MALMO + "/members/access-intruder", "{\"role\": \"STAFF\"}").status()).isEqualTo(403);
            assertThat(refused.delete("/api/projects/" + MALMO + "/members/access-staff").status()).isEqualTo(403);
        }
        assertThat(owner.get("/api/projects/" + GOTEBORG + "/members").status()).as("an owner of another project").isEqualTo(403);
        assertThat(admin.get("/api/projects/" + MALMO + "/members").body()).doesNotContain("access-intruder").contains("access-staff");

        List<TopicReader.Message> events = TopicReader.await(EventTopic.MEMBERSHIPS.topicName(), RunningParticipantService.registryUrl(),
                messages -> messages.stream().anyMatch(m -> m.event() instanceof ProjectMembersChanged changed
                        && changed.getProjectId().equals(GOTEBORG) && changed.getMembers().stream()
                                .anyMatch(member -> member.getSubject().equals("access-newcomer") && member.getRole().name().equals("OWNER"))));
        assertThat(events).allSatisfy(m -> assertThat(m.key()).isEqualTo(((ProjectMembersChanged) m.event()).getProjectId()));
    }

    @Test
    void a_member_is_named_by_an_opaque_subject_and_a_role_or_refused_at_the_field() {
        Http.Reply badRole = admin.put("/api/projects/" + MALMO + "/members/access-someone", "{\"role\": \"BOSS\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("field").asText()).isEqualTo("/role");
        Http.Reply email = admin.put("/api/projects/" + MALMO + "/members/someone@example.org", "{\"role\": \"STAFF\"}");
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.json().get("field").asText()).isEqualTo("subject");
        Http.Reply identityNumber = admin.put("/api/projects/" + MALMO + "/members/19900101-1234", "{\"role\": \"STAFF\"}");
        assertThat(identityNumber.status()).isEqualTo(400);
        assertThat(admin.put("/api/projects/99-999-X99/members/access-someone", "{\"role\": \"STAFF\"}").status()).isEqualTo(404);
        assertThat(admin.get("/api/projects/" + MALMO + "/members").body()).doesNotContain("someone");
    }

    @Test
    void only_staff_of_the_project_enrol_list_read_and_change_its_participants_and_to_anyone_else_a_person_does_not_exist() {
        String participantId = enrol(staff, "Åtkomst", "Testsson", "NONE", 611);
        String path = "/api/participants/" + participantId;
        Http.Reply unknown = staff.get("/api/participants/" + UUID.randomUUID());

        for (Http other : List.of(otherStaff, owner, admin, auditor, integrator, signedInOnly)) {
            assertThat(other.post("/api/projects/" + MALMO + "/participants", enrolment("Fel", "Person", "NONE", 612)).status())
                    .isEqualTo(403);
            assertThat(other.get("/api/projects/" + MALMO + "/participants").status()).isEqualTo(403);
            Http.Reply read = other.get(path);
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.json().get("type")).isEqualTo(unknown.json().get("type"));
            assertThat(other.send("PATCH", path, "{\"gender\": \"MAN\"}", Map.of()).status()).isEqualTo(404);
            assertThat(other.post(path + "/leave", "{\"leftOn\": \"2025-07-20\", \"reason\": \"COMPLETED\"}").status()).isEqualTo(404);
            assertThat(other.delete(path).status()).isEqualTo(404);
        }
        Http.Reply stillThere = staff.get(path);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.json().get("gender").asText()).isEqualTo("WOMAN");
        assertThat(stillThere.json().get("leftOn").isNull()).isTrue();

        assertThat(staff.send("PATCH", path, "{\"gender\": \"MAN\"}", Map.of()).status()).isEqualTo(200);
        assertThat(staff.post(path + "/leave", "{\"leftOn\": \"2025-07-20\", \"reason\": \"COMPLETED\"}").status()).isEqualTo(200);
        assertThat(staff.get("/api/projects/" + MALMO + "/participants").body()).contains(participantId);
        assertThat(staff.delete(path).status()).isEqualTo(204);
    }

    @Test
    void only_staff_of_the_project_download_its_scb_file_and_an_owner_sees_no_personal_data_in_it_either() {
        String number = InventedPeople.identityNumber(LocalDate.of(1995, 5, 5), 613);
        // December 2024: none of the other tests' participants, whose audit entries are counted, is in that month's file.
        assertThat(staff.post("/api/projects/" + MALMO + "/participants", InventedPeople.enrolment(number, "Statistik", "Testsson",
                "NONE", "2024-12-02", "GANG_DEFECTOR")).status()).isEqualTo(201);
        String path = "/api/projects/" + MALMO + "/scb/participants?month=2024-12";

        for (Http other : List.of(otherStaff, owner, admin, auditor, integrator, signedInOnly)) {
            Http.Reply refused = other.get(path);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/forbidden");
            assertThat(refused.body()).doesNotContain(number.replace("-", ""));
        }
        assertThat(new Http(service.baseUrl()).get(path).status()).isEqualTo(401);
        Http.Reply file = staff.get(path);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.body()).contains(number.replace("-", "") + ";" + MALMO + ";2024-12-02;");
        Http.Reply ownProject = otherStaff.get("/api/projects/" + GOTEBORG + "/scb/participants?month=2024-12");
        assertThat(ownProject.status()).as("STAFF of another project, for that project").isEqualTo(200);
        assertThat(ownProject.body()).doesNotContain(number.replace("-", ""));
    }

    @Test
    void every_access_to_personal_data_is_in_the_audit_trail_for_auditors_only_and_the_trail_holds_no_personal_data() {
        String number = InventedPeople.identityNumber(LocalDate.of(1991, 3, 14), 733);
        String participantId = staff.post("/api/projects/" + MALMO + "/participants",
                InventedPeople.enrolment(number, "Granskad", "Spårsson", "PROTECTED_ADDRESS", "2025-02-03", "GANG_DEFECTOR"))
                .json().get("participantId").asText();
        String path = "/api/participants/" + participantId;
        staff.get("/api/projects/" + MALMO + "/participants");
        staff.get(path);
        staff.send("PATCH", path, "{\"person\": {\"givenName\": \"Granskade\"}}", Map.of());
        staff.post(path + "/leave", "{\"leftOn\": \"2025-07-20\", \"reason\": \"COMPLETED\"}");
        staff.delete(path);
        otherStaff.get(path);

        // A change's entry is written with the change and reaches the trail through the relay, within moments.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> auditor.get("/api/audit?participantId=" + participantId).json().get("entries").size() == 6);
        Http.Reply trail = auditor.get("/api/audit?participantId=" + participantId);
        assertThat(trail.status()).isEqualTo(200);
        List<String> actions = trail.json().get("entries").valueStream().map(entry -> entry.get("action").asText()).toList();
        assertThat(actions).containsExactly("ERASE", "LEAVE", "CORRECT", "READ", "LIST", "ENROL");
        assertThat(trail.json().get("entries").valueStream()).allSatisfy(entry -> {
            assertThat(entry.get("subject").asText()).isEqualTo("access-staff");
            assertThat(entry.get("projectId").asText()).isEqualTo(MALMO);
        });
        assertThat(auditor.get("/api/audit?subject=access-staff&from=2020-01-01T00:00:00Z").json().get("entries").size()).isGreaterThanOrEqualTo(6);
        assertThat(auditor.get("/api/audit?participantId=" + participantId + "&to=2020-01-01T00:00:00Z").json().get("entries").size()).isZero();
        assertThat(auditor.get("/api/audit?limit=0").status()).isEqualTo(400);

        for (Http notAnAuditor : List.of(staff, owner, admin, integrator, signedInOnly)) {
            assertThat(notAnAuditor.get("/api/audit?participantId=" + participantId).status()).isEqualTo(403);
        }
        assertThat(auditor.delete("/api/audit").status()).as("no API removes an entry").isEqualTo(405);
        assertThat(auditor.get(path).status()).as("the auditor sees no personal data").isEqualTo(404);

        String raw = mongo.getDatabase(DATABASE).getCollection("audit").find().map(Document::toJson).into(new java.util.ArrayList<>()).toString();
        assertThat(raw).contains(participantId).doesNotContain(number, number.replace("-", ""), number.substring(2, 8),
                "Granskad", "Spårsson", "PROTECTED_ADDRESS");
    }

    @Test
    void a_cross_site_request_carries_no_credential_so_it_changes_nothing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> formPost = client.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/projects/" + MALMO + "/participants"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .header("Cookie", "JSESSIONID=stolen").POST(HttpRequest.BodyPublishers.ofString("a=b")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(formPost.statusCode()).isEqualTo(401);
        assertThat(formPost.headers().allValues("Set-Cookie")).as("no session to ride on").isEmpty();

        HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/projects/" + MALMO + "/participants"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("no origin may send a token from a browser").isEmpty();
        Http.Reply signedIn = staff.get("/api/projects");
        assertThat(signedIn.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    private static String enrol(Http client, String given, String family, String protection, int serial) {
        Http.Reply reply = client.post("/api/projects/" + MALMO + "/participants", enrolment(given, family, protection, serial));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("participantId").asText();
    }

    private static String enrolment(String given, String family, String protection, int serial) {
        return InventedPeople.enrolment(InventedPeople.identityNumber(LocalDate.of(1995, 5, 5), serial), given, family, protection,
                "2025-02-03", "GANG_DEFECTOR");
    }
}
