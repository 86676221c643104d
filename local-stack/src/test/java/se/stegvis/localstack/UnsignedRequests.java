package se.stegvis.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Requests to every service's API that are not signed in, or signed with what is no valid token of the stack's
 * issuer: each must be a 401 problem+json, whatever the request would otherwise do, and must store nothing.
 */
final class UnsignedRequests {

    private final SweepFixture f;

    UnsignedRequests(SweepFixture fixture) {
        this.f = fixture;
    }

    List<Probe> all() {
        String staffToken = f.urls.tokens().token(Identities.staffOf(SweepFixture.PROJECT));
        List<String> bad = List.of("Bearer not-a-jwt", "Bearer ", "Bearer " + tampered(staffToken), "Bearer " + unsigned(staffToken),
                "Basic " + Base64.getEncoder().encodeToString("malmo-staff:demo".getBytes(StandardCharsets.UTF_8)),
                staffToken);
        List<Probe> probes = new ArrayList<>();
        for (Probe request : requests()) {
            probes.add(request.expect(401));
            for (String authorization : bad) {
                probes.add(new Probe(request.label() + " with Authorization: " + shown(authorization), request.method(),
                        request.url(), request.contentType(), request.body(), Map.of("Authorization", authorization),
                        401, null));
            }
        }
        return probes;
    }

    /** One request of each kind, each valid but for its sign-in. */
    private List<Probe> requests() {
        String participant = f.participantUrl(f.urls.participant());
        return List.of(
                Probe.json("enrol without a token", "POST", f.enrolmentUrl(), WholeSystemScenario.json(f.enrolment(SweepFixture.OTHER))),
                Probe.get("read a participant without a token", participant),
                Probe.get("list a project's participants without a token", f.enrolmentUrl()),
                Probe.get("erase a participant without a token", participant).method("DELETE"),
                Probe.json("define a project without a token", "PUT", f.urls.participant() + "/api/projects/2024-E2E-NEVER",
                        WholeSystemScenario.json(f.project())),
                Probe.get("the catalogue without a token", f.urls.participant() + "/api/projects"),
                Probe.json("grant a membership without a token", "PUT", f.urls.participant() + "/api/projects/" + SweepFixture.PROJECT
                        + "/members/goteborg-staff", "{\"role\": \"OWNER\"}"),
                Probe.get("the audit trail without a token", f.urls.participant() + "/api/audit"),
                Probe.json("record an activity without a token", "POST", f.participantUrl(f.urls.activity()) + "/activities",
                        WholeSystemScenario.json(f.activity())),
                Probe.get("list activities without a token", f.participantUrl(f.urls.activity()) + "/activities"),
                Probe.get("retract an activity without a token", f.urls.activity() + "/api/activities/" + f.activityId).method("DELETE"),
                Probe.json("record an outcome without a token", "POST", f.participantUrl(f.urls.outcome()) + "/outcomes",
                        WholeSystemScenario.json(f.outcome())),
                Probe.get("follow-ups due without a token", f.urls.outcome() + "/api/follow-ups/due?projectId=" + SweepFixture.PROJECT
                        + "&before=" + f.today.plusYears(1)),
                Probe.get("a project's indicators without a token", f.urls.reporting() + "/api/projects/" + SweepFixture.PROJECT + "/indicators"),
                Probe.get("the consolidated view without a token", f.urls.reporting() + "/api/indicators"),
                Probe.get("a rebuild without a token", f.urls.reporting() + "/api/admin/rebuild").method("POST"));
    }

    /** The token with a character inside its signature changed (not the last, whose low bits may be padding). */
    private static String tampered(String token) {
        int at = token.length() - 10;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + changed + token.substring(at + 1);
    }

    /** The token's header and claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static String shown(String authorization) {
        return authorization.length() > 40 ? authorization.substring(0, 40) + "…" : authorization;
    }
}
