package se.stegvis.localstack;

import static se.stegvis.localstack.JsonEdits.with;
import static se.stegvis.localstack.JsonEdits.without;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.stegvis.localstack.JsonEdits.Raw;

/**
 * Bodies that are not what an endpoint takes, from tables: the same malformed JSON sent to every endpoint that takes
 * a body, then each endpoint's own fields given the wrong type, an impossible value, a hostile string or left out.
 */
final class HostileBodies {

    static final String DROP = "'; DROP TABLE participants; --";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String NOSQL = "{\"$gt\": \"\"}";
    private static final int FIVE_MB = 5 * 1024 * 1024;

    private final SweepFixture f;
    private final List<Probe> probes = new ArrayList<>();

    HostileBodies(SweepFixture fixture) {
        this.f = fixture;
    }

    /** An endpoint that takes a JSON body, with a valid body to spoil. */
    record Endpoint(String name, String method, String url, Supplier<Map<String, Object>> valid) {
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("enrol", "POST", f.enrolmentUrl(), () -> f.enrolment(SweepFixture.OTHER)),
                new Endpoint("define project", "PUT", f.urls.participant() + "/api/projects/2024-E2E-NEVER", f::project),
                new Endpoint("correct", "PATCH", f.participantUrl(f.urls.participant()), () -> Map.of("gender", "MAN")),
                new Endpoint("leave", "POST", f.participantUrl(f.urls.participant()) + "/leave", f::leave),
                new Endpoint("record activity", "POST", f.participantUrl(f.urls.activity()) + "/activities", f::activity),
                new Endpoint("record outcome", "POST", f.participantUrl(f.urls.outcome()) + "/outcomes", f::outcome));
    }

    List<Probe> all() {
        endpoints().forEach(this::malformed);
        enrolment();
        project();
        correctionAndLeaving();
        activity();
        outcome();
        return probes;
    }

    private void malformed(Endpoint e) {
        add(e, "no body", null).at("");
        add(e, "empty body", "").at("");
        for (String text : List.of("null", "[]", "42", "\"text\"", "true", "{", "{\"type\":", "{}}", "{} {}", "{'single': 'quotes'}",
                "{\"a\": NaN}", "{\"a\": 1,}", "\u0000", "<xml/>", "[{}]")) {
            add(e, "malformed JSON " + text, text).at("");
        }
        add(e, "arrays nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000)).at("");
        add(e, "objects nested 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).at("");
        add(e, "a 5 MB string in an unknown field", with(e.valid().get(), "/padding", "x".repeat(FIVE_MB))).tooLarge();
        add(e, "5 MB of array", "[" + "1,".repeat(FIVE_MB / 2) + "1]").tooLarge();
        add(e, "unknown field: placement municipality", with(e.valid().get(), "/placementMunicipality", "Lund")).at("/placementMunicipality");
        add(e, "unknown field: free-text note", with(e.valid().get(), "/note", "lives at Storgatan 1")).at("/note");
        add(e, "NoSQL operator as an unknown field", with(e.valid().get(), "/$where", "sleep(1000)")).at("/$where");
        Probe invalidUtf8 = new Probe("invalid UTF-8", e.method(), e.url(), Probe.JSON, new byte[] {'{', '"', (byte) 0xC3, 0x28, '"',
                ':', '1', '}'}, Map.of(), 400, "");
        probes.add(invalidUtf8);
    }

    private void enrolment() {
        Endpoint e = endpoints().get(0);
        Map<String, Object> valid = e.valid().get();
        for (String field : List.of("/person", "/enrolledOn", "/targetGroup", "/gender", "/labourMarketStatus", "/educationLevel",
                "/disability", "/minority", "/thirdCountryNational", "/foreignBackground", "/homeless", "/ruralArea",
                "/person/personalIdentityNumber", "/person/givenName", "/person/familyName", "/person/protection")) {
            add(e, "without " + field, without(valid, field)).at(field);
        }
        add(e, "empty object", "{}").at("/person");
        add(e, "person as a string", with(valid, "/person", "Sveepa Borstqvist")).at("/person");
        add(e, "person as an array", with(valid, "/person", List.of("x"))).at("/person");
        add(e, "unknown field in person: address", with(valid, "/person/address", "Storgatan 1, Lund")).at("/person/address");
        add(e, "enrolledOn as a number", with(valid, "/enrolledOn", 20250203)).at("/enrolledOn");
        add(e, "a 2 MB given name", with(valid, "/person/givenName", "x".repeat(2 * 1024 * 1024))).tooLarge();
        add(e, "flag as a word", with(valid, "/thirdCountryNational", "yes")).at("/thirdCountryNational");
        add(e, "flag as the string true", with(valid, "/thirdCountryNational", "true")).at("/thirdCountryNational");
        add(e, "flag as a number", with(valid, "/homeless", 1)).at("/homeless");
        add(e, "gender as its index", with(valid, "/gender", 0)).at("/gender");
        add(e, "flag as an object", with(valid, "/homeless", Map.of())).at("/homeless");
        add(e, "gender as a list", with(valid, "/gender", List.of("WOMAN"))).at("/gender");
        add(e, "NoSQL operator object as targetGroup", with(valid, "/targetGroup", new Raw(NOSQL))).at("/targetGroup");
        add(e, "protection unknown", with(valid, "/person/protection", "TOP_SECRET")).at("/person/protection");
        add(e, "targetGroup of another project", with(valid, "/targetGroup", "GANG_DEFECTOR")).at("/targetGroup");
        enrolmentDates(e, valid);
        enrolmentStrings(e, valid);
    }

    private void enrolmentDates(Endpoint e, Map<String, Object> valid) {
        for (String date : List.of("2025-02-30", "2025-13-01", "yesterday", "2025/02/03", "", "+10000-01-01", "0000-00-00")) {
            add(e, "enrolledOn " + date, with(valid, "/enrolledOn", date)).at("/enrolledOn");
        }
        add(e, "enrolledOn before the project", with(valid, "/enrolledOn", f.today.minusYears(3).toString())).at("/enrolledOn");
        add(e, "enrolledOn after the project", with(valid, "/enrolledOn", f.today.plusYears(2).toString())).at("/enrolledOn");
    }

    /** Hostile strings where codes go, numbers that are no identity number, and names no one has (with a bad number). */
    private void enrolmentStrings(Endpoint e, Map<String, Object> valid) {
        for (String hostile : List.of(DROP, SCRIPT, NOSQL, "../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "WOMAN\u0000")) {
            add(e, "gender " + hostile, with(valid, "/gender", hostile)).at("/gender");
            add(e, "targetGroup " + hostile, with(valid, "/targetGroup", hostile)).at("/targetGroup");
        }
        for (String number : List.of("19900101-1235", "19900230-1239", "20991231-1234", "abcdefgh-ijkl", "1990010112345", "1990-01-01",
                "19900101 1239", DROP, "19900192-1231", "  ")) {
            add(e, "identity number " + number, with(valid, "/person/personalIdentityNumber", number)).at("/person/personalIdentityNumber");
        }
        add(e, "identity number as a number", with(valid, "/person/personalIdentityNumber", 199001011235L))
                .at("/person/personalIdentityNumber");
        add(e, "a valid identity number as a number", with(valid, "/person/personalIdentityNumber",
                Long.parseLong(SweepFixture.OTHER.identityNumber))).at("/person/personalIdentityNumber");
        Map<String, Object> badNumber = parse(with(valid, "/person/personalIdentityNumber", "19900101-1235"));
        for (String name : List.of(DROP, SCRIPT, "${jndi:ldap://127.0.0.1/x}", "Sveepa\u0000", "Sveepa\r\nX-Injected: 1", "x".repeat(101),
                "", "   ")) {
            add(e, "givenName " + name.strip() + " and a bad number", with(badNumber, "/person/givenName", name))
                    .at("/person/personalIdentityNumber");
        }
    }

    private void project() {
        Endpoint e = endpoints().get(1);
        Map<String, Object> valid = e.valid().get();
        for (String field : List.of("/name", "/owner", "/region", "/period", "/plannedParticipants")) {
            add(e, "without " + field, without(valid, field)).at(field);
        }
        add(e, "plannedParticipants as a word", with(valid, "/plannedParticipants", "ten")).at("/plannedParticipants");
        add(e, "plannedParticipants as a string of digits", with(valid, "/plannedParticipants", "10")).at("/plannedParticipants");
        add(e, "plannedParticipants as a fraction", with(valid, "/plannedParticipants", 10.7)).at("/plannedParticipants");
        add(e, "plannedParticipants beyond int", with(valid, "/plannedParticipants", new Raw("99999999999999999999"))).expect(400);
        add(e, "plannedParticipants 0", with(valid, "/plannedParticipants", 0)).at("/plannedParticipants");
        add(e, "plannedParticipants negative", with(valid, "/plannedParticipants", -5)).at("/plannedParticipants");
        add(e, "targets as an object", with(valid, "/targets", Map.of())).at("/targets");
        add(e, "a null target", with(valid, "/targets", Collections.singletonList(null))).at("/targets/0");
        add(e, "a negative target", with(valid, "/targets/0/target", -1)).at("/targets/0/target");
        add(e, "a percentage over 100", with(parse(with(valid, "/targets/0/unit", "PERCENT")), "/targets/0/target", 150))
                .at("/targets/0/target");
        add(e, "a target on another project's outcome", with(valid, "/targets/0/outcomeTypes", List.of("GAINED_QUALIFICATION")))
                .at("/targets/0/outcomeTypes/0");
        add(e, "gender shares adding up to 99", with(valid, "/targets/0/genderShares", Map.of("WOMAN", 50, "MAN", 49)))
                .at("/targets/0/genderShares");
        add(e, "a gender share as a word", with(valid, "/targets/0/genderShares", Map.of("WOMAN", "half"))).at("/targets/0/genderShares/WOMAN");
        add(e, "a follow-up point unknown", with(valid, "/followUpPoints", List.of("NEXT_YEAR"))).at("/followUpPoints/0");
        add(e, "a null follow-up point", with(valid, "/followUpPoints", Collections.singletonList(null))).at("/followUpPoints/0");
        add(e, "region outside Sweden", with(valid, "/region/nuts2", "DE30")).at("/region/nuts2");
        add(e, "organisation number bad", with(valid, "/owner/organisationNumber", "212000-1125")).at("/owner/organisationNumber");
        add(e, "period end before start", with(valid, "/period/end", f.today.minusYears(3).toString())).at("/period/end");
        add(e, "period start not a date", with(valid, "/period/start", "soon")).at("/period/start");
        add(e, "target group code hostile", with(valid, "/targetGroups/0/code", SCRIPT)).at("/targetGroups/0");
        add(e, "activity type hostile", with(valid, "/activityTypes", List.of(DROP))).at("/activityTypes/0");
        add(e, "name of 201 characters", with(valid, "/name", "n".repeat(201))).at("/name");
    }

    private void correctionAndLeaving() {
        Endpoint correct = endpoints().get(2);
        add(correct, "gender unknown", "{\"gender\": \"ROBOT\"}").at("/gender");
        add(correct, "enrolledOn outside the project", "{\"enrolledOn\": \"1999-01-01\"}").at("/enrolledOn");
        add(correct, "enrolledOn impossible", "{\"enrolledOn\": \"2025-02-30\"}").at("/enrolledOn");
        add(correct, "identity number bad", "{\"person\": {\"personalIdentityNumber\": \"19900101-1235\"}}").at("/person/personalIdentityNumber");
        add(correct, "person null name", "{\"person\": {\"givenName\": \"\"}, \"gender\": \"ROBOT\"}").expect(400);
        add(correct, "targetGroup hostile", "{\"targetGroup\": \"" + SCRIPT + "\"}").at("/targetGroup");
        Endpoint leave = endpoints().get(3);
        Map<String, Object> valid = leave.valid().get();
        add(leave, "empty object", "{}").at("/leftOn");
        add(leave, "without reason", without(valid, "/reason")).at("/reason");
        add(leave, "reason unknown", with(valid, "/reason", "BORED")).at("/reason");
        add(leave, "leftOn before the enrolment", with(valid, "/leftOn", f.enrolledOn.minusDays(1).toString())).at("/leftOn");
        add(leave, "leftOn impossible", with(valid, "/leftOn", "2025-02-29")).at("/leftOn");
        add(leave, "leftOn as a number", with(valid, "/leftOn", true)).at("/leftOn");
    }

    private void activity() {
        Endpoint e = endpoints().get(4);
        Map<String, Object> valid = e.valid().get();
        add(e, "empty object", "{}").at("/type");
        add(e, "type the project does not offer", with(valid, "/type", "SKYDIVING")).at("/type");
        add(e, "type hostile", with(valid, "/type", DROP)).at("/type");
        add(e, "date before the enrolment", with(valid, "/date", f.enrolledOn.minusDays(1).toString())).at("/date");
        add(e, "date tomorrow", with(valid, "/date", f.today.plusDays(1).toString())).at("/date");
        add(e, "date impossible", with(valid, "/date", "2025-04-31")).at("/date");
        for (Object hours : List.of(0, -1, 24.01, 1.234, new Raw("1e400"), new Raw("99999999999999999999999"), "many", true, "1.5")) {
            add(e, "hours " + (hours instanceof Raw raw ? raw.json() : hours), with(valid, "/hours", hours)).at("/hours");
        }
        add(e, "type, date and hours all wrong", "{\"type\": \"SKYDIVING\", \"date\": \""
                + f.today.plusDays(1) + "\", \"hours\": 25}").at("/type");
    }

    private void outcome() {
        Endpoint e = endpoints().get(5);
        Map<String, Object> valid = e.valid().get();
        add(e, "empty object", "{}").expect(400);
        add(e, "type unknown", with(valid, "/type", "WON_THE_LOTTERY")).at("/type");
        add(e, "type hostile", with(valid, "/type", SCRIPT)).at("/type");
        add(e, "date before the enrolment", with(valid, "/date", f.enrolledOn.minusDays(1).toString())).at("/date");
        add(e, "date tomorrow", with(valid, "/date", f.today.plusDays(1).toString())).at("/date");
        add(e, "date impossible", with(valid, "/date", "2025-02-29")).at("/date");
        add(e, "type as an object", with(valid, "/type", new Raw(NOSQL))).at("/type");
    }

    /** A probe that joins the list once what its answer must be is said. */
    private Pending add(Endpoint endpoint, String label, String body) {
        return new Pending(Probe.json(endpoint.name() + ": " + label, endpoint.method(), endpoint.url(), body), probes);
    }

    record Pending(Probe probe, List<Probe> into) {

        void at(String pointer) {
            into.add(probe.at(pointer));
        }

        void expect(int status) {
            into.add(probe.expect(status));
        }

        /** Over the services' 1 MiB limit: a 413 at the whole body, before anything reads it. */
        void tooLarge() {
            into.add(probe.atWith(413, ""));
        }
    }

    private static Map<String, Object> parse(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = ServiceCalls.read(json, Map.class);
        return map;
    }
}
