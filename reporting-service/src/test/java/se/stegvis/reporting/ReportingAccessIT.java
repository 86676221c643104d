package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.stegvis.events.Gender;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;

/**
 * Who may see what on reporting-service, through HTTP with real tokens from an issuer the service fetches the keys
 * of and memberships from the topic: sign-in, each rule on the indicator views, the ESF+ reports, the live stream and
 * the rebuild, and what stays open.
 */
class ReportingAccessIT {

    private static final String MINE = "97-" + UUID.randomUUID().toString().substring(0, 6) + "-ACC";
    private static final String THEIRS = "97-" + UUID.randomUUID().toString().substring(0, 6) + "-OTH";
    private static final String STREAM = "/api/indicators/stream";
    /** The views of an earlier day are for the same callers as today's. */
    private static final String AN_EARLIER_DAY = "?asOf=2025-06-30";
    /** A stranger asking for a later day is refused as a stranger, before the day is judged. */
    private static final String A_LATER_DAY = "?asOf=2999-01-01";

    /** A cut-off that has passed, and the project's ESF+ report paths that read it (each for STAFF and OWNERs). */
    private static final String CUT_OFF = "2025-12-31";

    private static RunningReportingService service;
    private static Http staff;
    private static Http owner;
    private static Http otherStaff;
    private static Http admin;
    private static Http auditor;
    private static Http integrator;
    private static Http signedInOnly;

    @BeforeAll
    static void start() {
        service = RunningReportingService.start();
        service.upstream().publish(InventedEvents.project(MINE, "Mitt projekt"), InventedEvents.project(THEIRS, "Deras projekt"),
                InventedEvents.enrolled(MINE, UUID.randomUUID(), Gender.WOMAN, 30));
        service.grant(MINE, "acc-staff", "STAFF");
        service.grant(MINE, "acc-owner", "OWNER");
        service.grant(THEIRS, "acc-other-staff", "STAFF");
        staff = service.as("acc-staff");
        owner = service.as("acc-owner");
        otherStaff = service.as("acc-other-staff");
        admin = service.as("acc-admin", "admin");
        auditor = service.as("acc-auditor", "auditor");
        integrator = service.as("acc-integrator", "integrator");
        signedInOnly = service.as("acc-nobody");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> staff.get(project(MINE)).status() == 200
                && owner.get(project(MINE)).status() == 200 && otherStaff.get(project(THEIRS)).status() == 200);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String project(String projectId) {
        return "/api/projects/" + projectId + "/indicators";
    }

    private static List<String> reportReads(String projectId) {
        String reports = "/api/projects/" + projectId + "/reports";
        return List.of(reports, reports + "/" + CUT_OFF, reports + "/" + CUT_OFF + ".csv", reports + "/" + CUT_OFF + ".xlsx",
                reports + "/" + CUT_OFF + "/submitted.csv", reports + "/" + CUT_OFF + "/submitted.xlsx");
    }

    private static String submission(String projectId) {
        return "/api/projects/" + projectId + "/reports/" + CUT_OFF + "/submission";
    }

    @Test
    void without_a_valid_token_for_this_issuer_and_audience_every_api_path_is_a_401_problem() {
        Map<String, Http> refused = TestIssuer.shared().refusedClients(service.http(), "acc-staff");
        refused.forEach((what, client) -> {
            for (Http.Reply reply : List.of(client.get(project(MINE)), client.get(project(MINE) + AN_EARLIER_DAY),
                    client.get("/api/indicators"), client.get("/api/indicators" + AN_EARLIER_DAY), client.get(STREAM),
                    client.post("/api/admin/rebuild"), client.get("/api/admin/rebuild"), client.post(submission(MINE)),
                    client.get(reportReads(MINE).get(0)), client.get(reportReads(MINE).get(1)), client.get(reportReads(MINE).get(2)),
                    client.get(reportReads(MINE).get(3)), client.get(reportReads(MINE).get(4)), client.get(reportReads(MINE).get(5)))) {
                assertThat(reply.status()).as(what).isEqualTo(401);
                assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
                assertThat(reply.json().get("type").asString()).as(what).endsWith("/unauthorized");
                assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).as(what).hasValueSatisfying(
                        header -> assertThat(header).startsWith("Bearer"));
            }
        });
        assertThat(staff.get(project(MINE)).status()).as("the same subject with a valid token").isEqualTo(200);
    }

    @Test
    void a_projects_exact_figures_are_for_its_staff_and_owners_only() {
        assertThat(staff.get(project(MINE)).json().get("participants").asInt()).isEqualTo(1);
        assertThat(owner.get(project(MINE)).json().get("participants").asInt()).isEqualTo(1);
        assertThat(staff.get(project(MINE) + AN_EARLIER_DAY).status()).isEqualTo(200);
        assertThat(owner.get(project(MINE) + AN_EARLIER_DAY).status()).isEqualTo(200);
        for (Http other : List.of(otherStaff, admin, auditor, integrator, signedInOnly)) {
            for (String path : List.of(project(MINE), project(MINE) + AN_EARLIER_DAY, project(MINE) + A_LATER_DAY)) {
                Http.Reply refused = other.get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("Mitt projekt");
            }
        }
        assertThat(staff.get(project(THEIRS)).status()).isEqualTo(403);
        assertThat(owner.get(project(THEIRS)).status()).isEqualTo(403);
        assertThat(signedInOnly.get(project("99-999-NONE")).status()).as("no telling which projects exist").isEqualTo(403);
    }

    @Test
    void a_projects_esf_reports_are_read_by_its_staff_and_owners_submitted_by_its_owners_only_and_refused_to_everyone_else() {
        for (Http reader : List.of(staff, owner)) {
            for (String path : reportReads(MINE).subList(0, 4)) {
                assertThat(reader.get(path).status()).as(path).isEqualTo(200);
            }
        }
        Http.Reply byStaff = staff.post(submission(MINE));
        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(byStaff.contentType()).startsWith("application/problem+json");
        for (Http other : List.of(otherStaff, admin, auditor, integrator, signedInOnly)) {
            for (String path : reportReads(MINE)) {
                Http.Reply refused = other.get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("participants");
            }
            assertThat(other.post(submission(MINE)).status()).isEqualTo(403);
        }
        assertThat(owner.get(reportReads(THEIRS).get(1)).status()).isEqualTo(403);
        assertThat(owner.post(submission(THEIRS)).status()).isEqualTo(403);
        assertThat(signedInOnly.get(reportReads("99-999-NONE").get(0)).status()).as("no telling which projects exist").isEqualTo(403);

        // the owner's submission: while a rebuild of another test leaves the figures not final, it is refused and asked again
        Http.Reply submitted = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> owner.post(submission(MINE)),
                reply -> reply.status() != 409 || !reply.body().contains("figures-not-final"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(owner.post(submission(MINE)).status()).isEqualTo(409);
        for (Http reader : List.of(staff, owner)) {
            for (String path : reportReads(MINE)) {
                assertThat(reader.get(path).status()).as(path).isEqualTo(200);
            }
        }
        for (Http other : List.of(otherStaff, admin, auditor, integrator, signedInOnly)) {
            for (String path : reportReads(MINE).subList(4, 6)) {
                assertThat(other.get(path).status()).as(path).isEqualTo(403);
            }
        }
    }

    @Test
    void the_cross_project_view_and_its_stream_are_for_members_of_any_project_and_global_roles_alone_are_refused() {
        for (Http member : List.of(staff, owner, otherStaff)) {
            for (String path : List.of("/api/indicators", "/api/indicators" + AN_EARLIER_DAY)) {
                Http.Reply view = member.get(path);
                assertThat(view.status()).as(path).isEqualTo(200);
                assertThat(view.body()).contains(MINE, THEIRS);
            }
        }
        for (Http other : List.of(admin, auditor, integrator, signedInOnly)) {
            for (String path : List.of("/api/indicators" + AN_EARLIER_DAY, "/api/indicators" + A_LATER_DAY)) {
                assertThat(other.get(path).status()).as(path).isEqualTo(403);
            }
            Http.Reply refused = other.get("/api/indicators");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            Http.Reply stream = other.send("GET", STREAM, null, Map.of("Accept", "text/event-stream"));
            assertThat(stream.status()).isEqualTo(403);
            assertThat(stream.contentType()).startsWith("application/problem+json");
        }
        for (String subject : List.of("acc-staff", "acc-owner", "acc-other-staff")) {
            try (EventStream stream = EventStream.open(service.baseUrl() + STREAM, TestIssuer.shared().token(subject))) {
                assertThat(stream.response.statusCode()).isEqualTo(200);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
            }
        }
    }

    @Test
    void only_an_admin_rebuilds_the_read_model_or_reads_its_progress() {
        for (Http notAdmin : List.of(staff, owner, auditor, integrator, signedInOnly)) {
            assertThat(notAdmin.post("/api/admin/rebuild").status()).isEqualTo(403);
            assertThat(notAdmin.get("/api/admin/rebuild").status()).isEqualTo(403);
        }
        assertThat(admin.get("/api/admin/rebuild").status()).isEqualTo(200);
        assertThat(admin.post("/api/admin/rebuild").status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(admin.get("/api/admin/rebuild").json().get("state").asString()));
    }

    @Test
    void health_readiness_and_the_dashboard_are_open_on_the_api_port_and_metrics_only_on_the_management_port() {
        Http anonymous = service.http();
        assertThat(anonymous.get("/livez").status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/readyz").status() == 200);
        assertThat(anonymous.get("/").body()).contains("dashboard.js");
        assertThat(anonymous.get("/dashboard.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/dashboard.css").status()).isEqualTo(200);
        Http.Reply config = anonymous.get("/dashboard-config.json");
        assertThat(config.json().get("issuer").asString()).isEqualTo(TestIssuer.shared().issuerUri());
        assertThat(config.json().get("clientId").asString()).isEqualTo("stegvis-dashboard");
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(staff.get("/actuator/prometheus").status()).as("not on the API port").isEqualTo(404);
        Http management = service.management();
        assertThat(management.get("/actuator/health/readiness").status()).as("memberships read").isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").body()).contains("stegvis_reporting_stream_clients");
    }
}
