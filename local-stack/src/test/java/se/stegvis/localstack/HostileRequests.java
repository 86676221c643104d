package se.stegvis.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests that are wrong in their path, method, headers or content type rather than in their body, from tables: ids
 * that are unknown, malformed or hostile, path traversal, methods an endpoint does not take, content types it does
 * not read, answers it cannot give, Idempotency-Keys misused.
 */
final class HostileRequests {

    /** Ids that are no UUID, as they would be written into a path (encoded where a URL needs it). */
    static final List<String> MALFORMED_IDS = List.of("not-a-uuid", "123", "%20", "00000000-0000-0000-0000-00000000000g",
            "%7B%22%24gt%22%3A%22%22%7D", "'%3B%20DROP%20TABLE%20participants%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "x".repeat(2000), "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%00", "..%5C..%5Cwindows");
    /** Project ids that break the rule for one (3 to 40 letters, digits or '-', not starting with '-'). */
    static final List<String> MALFORMED_PROJECT_IDS = List.of("ab", "-abc", "a_b_c", "%20", "%7B%22%24gt%22%3A%22%22%7D",
            "'%3B%20DROP%20TABLE%20projects%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x".repeat(2000), "%E2%80%AE",
            "..%2F..%2Fetc%2Fpasswd", "%00", "..%5C..%5Cwindows");

    private final SweepFixture f;
    private final List<Probe> probes = new ArrayList<>();

    HostileRequests(SweepFixture fixture) {
        this.f = fixture;
    }

    List<Probe> all() {
        unknownIds();
        malformedIds();
        pathTraversal();
        contentTypes();
        methods();
        idempotencyKeys();
        followUps();
        headers();
        return probes;
    }

    private void unknownIds() {
        String id = f.unknownId;
        probes.add(Probe.get("unknown participant", f.urls.participant() + "/api/participants/" + id).expect(404));
        probes.add(Probe.json("correct unknown participant", "PATCH", f.urls.participant() + "/api/participants/" + id, "{\"gender\": \"MAN\"}").expect(404));
        probes.add(Probe.json("leave unknown participant", "POST", f.urls.participant() + "/api/participants/" + id + "/leave",
                WholeSystemScenario.json(f.leave())).expect(404));
        probes.add(Probe.get("erase unknown participant", f.urls.participant() + "/api/participants/" + id).method("DELETE").expect(404));
        probes.add(Probe.get("unknown project", f.urls.participant() + "/api/projects/NO-SUCH-PROJECT").expect(404));
        probes.add(Probe.json("enrol in an unknown project", "POST", f.urls.participant() + "/api/projects/NO-SUCH-PROJECT/participants",
                WholeSystemScenario.json(f.enrolment(SweepFixture.OTHER))).expect(404));
        probes.add(Probe.json("activity of an unknown participant", "POST", f.urls.activity() + "/api/participants/" + id + "/activities",
                WholeSystemScenario.json(f.activity())).expect(404));
        probes.add(Probe.get("activities of an unknown participant", f.urls.activity() + "/api/participants/" + id + "/activities").expect(404));
        probes.add(Probe.get("unknown activity", f.urls.activity() + "/api/activities/" + id).expect(404));
        probes.add(Probe.get("retract unknown activity", f.urls.activity() + "/api/activities/" + id).method("DELETE").expect(404));
        probes.add(Probe.json("outcome of an unknown participant", "POST", f.urls.outcome() + "/api/participants/" + id + "/outcomes",
                WholeSystemScenario.json(f.outcome())).expect(404));
        probes.add(Probe.get("outcomes of an unknown participant", f.urls.outcome() + "/api/participants/" + id + "/outcomes").expect(404));
        probes.add(Probe.get("unknown outcome", f.urls.outcome() + "/api/outcomes/" + id).expect(404));
        probes.add(Probe.get("retract unknown outcome", f.urls.outcome() + "/api/outcomes/" + id).method("DELETE").expect(404));
        // A project's exact figures are refused to a non-member before the project is looked up, so that nobody learns
        // which project ids exist from a 404 (docs/security.md).
        probes.add(Probe.get("indicators of an unknown project", f.urls.reporting() + "/api/projects/NO-SUCH-PROJECT/indicators").expect(403));
        probes.add(Probe.get("an unknown path", f.urls.reporting() + "/api/nothing-here").expect(404));
    }

    private void malformedIds() {
        for (String id : MALFORMED_IDS) {
            probes.add(Probe.get("participant id " + id, f.urls.participant() + "/api/participants/" + id).expect(400));
            probes.add(Probe.json("activity for participant id " + id, "POST", f.urls.activity() + "/api/participants/" + id + "/activities",
                    WholeSystemScenario.json(f.activity())).expect(400));
            probes.add(Probe.get("retract activity id " + id, f.urls.activity() + "/api/activities/" + id).method("DELETE").expect(400));
            probes.add(Probe.get("outcome id " + id, f.urls.outcome() + "/api/outcomes/" + id).expect(400));
        }
        for (String id : MALFORMED_PROJECT_IDS) {
            probes.add(Probe.get("indicators of project " + id, f.urls.reporting() + "/api/projects/" + id + "/indicators"));
            probes.add(Probe.get("project " + id, f.urls.participant() + "/api/projects/" + id));
            probes.add(Probe.json("define project " + id + " with a valid body", "PUT", f.urls.participant() + "/api/projects/" + id,
                    WholeSystemScenario.json(f.project())));
        }
    }

    private void pathTraversal() {
        for (String base : List.of(f.urls.participant(), f.urls.activity(), f.urls.outcome(), f.urls.reporting())) {
            for (String path : List.of("/api/participants/../../../../etc/passwd", "/api/projects/..%2F..%2F..%2Fetc%2Fpasswd",
                    "/%2e%2e/%2e%2e/etc/passwd", "/api/../application.yml", "/..;/..;/etc/passwd", "/WEB-INF/web.xml",
                    "/static/../../application.yml")) {
                probes.add(Probe.get("path traversal " + path, base + path));
            }
        }
    }

    private void contentTypes() {
        for (HostileBodies.Endpoint e : new HostileBodies(f).endpoints()) {
            byte[] valid = WholeSystemScenario.json(e.valid().get()).getBytes(StandardCharsets.UTF_8);
            for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "text/csv", "text/html; charset=utf-8"}) {
                probes.add(new Probe(e.name() + ": a valid body as " + type, e.method(), e.url(), type, valid, Map.of(), 415, null));
            }
            probes.add(new Probe(e.name() + ": a valid body without a content type", e.method(), e.url(), null, valid, Map.of(), 415, null));
        }
        for (String url : List.of(f.urls.participant() + "/api/projects", f.urls.activity() + "/api/activities/" + f.activityId,
                f.urls.outcome() + "/api/outcomes/" + f.outcomeId, f.urls.reporting() + "/api/indicators")) {
            probes.add(Probe.get("only XML accepted", url).header("Accept", "application/xml").expect(406));
        }
        probes.add(Probe.get("the stream asked for as JSON", f.urls.reporting() + "/api/indicators/stream")
                .header("Accept", "application/json").expect(406));
    }

    private void methods() {
        String participant = f.participantUrl(f.urls.participant());
        List<Probe> wrong = List.of(
                Probe.get("PUT on a participant's activities", f.participantUrl(f.urls.activity()) + "/activities").method("PUT"),
                Probe.get("PATCH on an activity", f.urls.activity() + "/api/activities/" + f.activityId).method("PATCH"),
                Probe.get("PUT on an outcome", f.urls.outcome() + "/api/outcomes/" + f.outcomeId).method("PUT"),
                Probe.get("DELETE on a project", f.urls.participant() + "/api/projects/" + SweepFixture.PROJECT).method("DELETE"),
                Probe.get("POST on a project", f.urls.participant() + "/api/projects/" + SweepFixture.PROJECT).method("POST"),
                Probe.get("PUT on a participant", participant).method("PUT"),
                Probe.get("GET on leave", participant + "/leave"),
                Probe.get("POST on the indicators", f.urls.reporting() + "/api/indicators").method("POST"),
                Probe.get("DELETE on the indicators", f.urls.reporting() + "/api/indicators").method("DELETE"),
                Probe.get("PUT on a rebuild", f.urls.reporting() + "/api/admin/rebuild").method("PUT"),
                Probe.get("DELETE on a rebuild", f.urls.reporting() + "/api/admin/rebuild").method("DELETE"),
                Probe.get("POST on follow-ups", f.urls.outcome() + "/api/follow-ups/due").method("POST"),
                Probe.get("DELETE on the catalogue", f.urls.participant() + "/api/projects").method("DELETE"));
        wrong.forEach(probe -> probes.add(probe.expect(405)));
        probes.add(Probe.get("TRACE", f.urls.participant() + "/api/projects").method("TRACE").expect(405));
    }

    private void idempotencyKeys() {
        String other = WholeSystemScenario.json(f.enrolment(SweepFixture.OTHER));
        probes.add(Probe.json("an enrolment key reused for another person", "POST", f.enrolmentUrl(), other)
                .header("Idempotency-Key", SweepFixture.ENROLMENT_KEY).atWith(422, "Idempotency-Key"));
        probes.add(Probe.json("an activity key reused for another activity", "POST", f.participantUrl(f.urls.activity()) + "/activities",
                JsonEdits.with(f.activity(), "/hours", 3)).header("Idempotency-Key", SweepFixture.ACTIVITY_KEY).atWith(422, "Idempotency-Key"));
        probes.add(Probe.json("an outcome key reused for another outcome", "POST", f.participantUrl(f.urls.outcome()) + "/outcomes",
                JsonEdits.with(f.outcome(), "/type", "STEP_FORWARD")).header("Idempotency-Key", SweepFixture.OUTCOME_KEY)
                .atWith(422, "Idempotency-Key"));
        probes.add(Probe.json("an enrolment key reused with a bad body", "POST", f.enrolmentUrl(), "{}")
                .header("Idempotency-Key", SweepFixture.ENROLMENT_KEY).at("/person"));
        probes.add(Probe.json("an empty key with a bad body", "POST", f.enrolmentUrl(), "{}").header("Idempotency-Key", "").at("/person"));
        probes.add(Probe.json("a 20 kB key", "POST", f.enrolmentUrl(), other).header("Idempotency-Key", "k".repeat(20_000)));
        String tooLong = "k".repeat(65);
        probes.add(Probe.json("a 65-character enrolment key", "POST", f.enrolmentUrl(), other).header("Idempotency-Key", tooLong)
                .at("Idempotency-Key"));
        probes.add(Probe.json("an activity key with a space", "POST", f.participantUrl(f.urls.activity()) + "/activities",
                WholeSystemScenario.json(f.activity())).header("Idempotency-Key", "two words").at("Idempotency-Key"));
        probes.add(Probe.json("a 65-character outcome key", "POST", f.participantUrl(f.urls.outcome()) + "/outcomes",
                WholeSystemScenario.json(f.outcome())).header("Idempotency-Key", tooLong).at("Idempotency-Key"));
        probes.add(Probe.json("the same person again without a key", "POST", f.enrolmentUrl(), WholeSystemScenario.json(
                f.enrolment(SweepFixture.PERSON))).atWith(409, "/person/personalIdentityNumber"));
    }

    private void followUps() {
        String due = f.urls.outcome() + "/api/follow-ups/due";
        probes.add(Probe.get("follow-ups without parameters", due).at("projectId"));
        probes.add(Probe.get("follow-ups without before", due + "?projectId=" + SweepFixture.PROJECT).at("before"));
        probes.add(Probe.get("follow-ups without projectId", due + "?before=2026-01-01").at("projectId"));
        for (String before : List.of("2025-13-45", "tomorrow", "%27%3B%20DROP", "%3Cscript%3E", "2025-02-29")) {
            probes.add(Probe.get("follow-ups before " + before, due + "?projectId=" + SweepFixture.PROJECT + "&before=" + before).at("before"));
        }
        probes.add(Probe.get("follow-ups of an unknown project", due + "?projectId=NO-SUCH&before=2026-01-01").expect(404));
        probes.add(Probe.get("follow-ups of a NoSQL operator", due + "?projectId=%7B%22%24gt%22%3A%22%22%7D&before=2026-01-01").expect(404));
    }

    private void headers() {
        for (String base : List.of(f.urls.participant(), f.urls.activity(), f.urls.outcome(), f.urls.reporting())) {
            probes.add(Probe.get("a 20 kB header", base + "/api/projects").header("X-Stegvis-User", "u".repeat(20_000)));
        }
    }
}
