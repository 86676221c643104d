package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.stegvis.localstack.ServiceCalls.Reply;

/**
 * What the bad-input sweep needs to exist before it starts, so that its requests reach the rules behind the ids: a
 * project of its own, one participant in it with an activity and an outcome (recorded with Idempotency-Keys the sweep
 * then misuses), and valid bodies that the sweep spoils one way at a time.
 */
final class SweepFixture {

    static final String PROJECT = "2024-E2E-SWEEP";
    static final String ENROLMENT_KEY = "sweep-enrolment";
    static final String ACTIVITY_KEY = "sweep-activity";
    static final String OUTCOME_KEY = "sweep-outcome";
    static final CastMember PERSON = new CastMember("SWEEP", PROJECT, "SWEEPERS", null, "198104157212",
            CastMember.Form.TWELVE_WITH_DASH, "Sveepo", "Felquorst");
    /** Valid but never enrolled: every request carrying this person is refused for another reason. */
    static final CastMember OTHER = new CastMember("OTHER", PROJECT, "SWEEPERS", null, "198309215823",
            CastMember.Form.TWELVE_WITH_DASH, "Sveepa", "Borstqvist");

    final ServiceUrls urls;
    final Identities as;
    final LocalDate today = LocalDate.now(WholeSystemScenario.SWEDEN);
    final LocalDate enrolledOn = today.minusDays(30);
    final String unknownId = UUID.randomUUID().toString();
    String participantId;
    String activityId;
    String outcomeId;

    SweepFixture(ServiceUrls urls) {
        this.urls = urls;
        this.as = new Identities(urls);
    }

    /**
     * Who sends a probe, so that it reaches the rules it is meant for: a project definition as {@code integrator},
     * everything else as the staff of the sweep's project.
     */
    ServiceCalls callerOf(Probe probe) {
        boolean definesProject = probe.method().equals("PUT") && probe.url().startsWith(urls.participant() + "/api/projects/")
                && !probe.url().contains("/members/");
        return definesProject ? as.integrator() : as.staff(PROJECT);
    }

    /** The project defined as {@code integrator}, the rest as its staff. */
    void setUp() {
        Reply project = as.integrator().json("PUT", urls.participant() + "/api/projects/" + PROJECT, WholeSystemScenario.json(project()));
        assertThat(project.status()).as("the sweep's project: %s", project.describe()).isEqualTo(201);
        ServiceCalls http = as.staff(PROJECT);
        Reply enrolled = http.json("POST", enrolmentUrl(), WholeSystemScenario.json(enrolment(PERSON)), Map.of("Idempotency-Key", ENROLMENT_KEY));
        assertThat(enrolled.status()).as("the sweep's participant: %s", enrolled.describe()).isEqualTo(201);
        participantId = enrolled.json().path("participantId").asString();
        Reply activity = ServiceCalls.untilKnown(() -> http.json("POST", participantUrl(urls.activity()) + "/activities",
                WholeSystemScenario.json(activity()), Map.of("Idempotency-Key", ACTIVITY_KEY)));
        assertThat(activity.status()).as("the sweep's activity: %s", activity.describe()).isEqualTo(201);
        activityId = activity.json().path("activityId").asString();
        Reply outcome = ServiceCalls.untilKnown(() -> http.json("POST", participantUrl(urls.outcome()) + "/outcomes",
                WholeSystemScenario.json(outcome()), Map.of("Idempotency-Key", OUTCOME_KEY)));
        assertThat(outcome.status()).as("the sweep's outcome: %s", outcome.describe()).isEqualTo(201);
        outcomeId = outcome.json().path("outcomeId").asString();
        await("reporting-service to count the sweep's participant").atMost(WholeSystemScenario.PATIENCE).until(() -> {
            Reply view = http.get(urls.reporting() + "/api/projects/" + PROJECT + "/indicators");
            return view.status() == 200 && view.json().path("participants").asInt() == 1 && outcomeCounted(view);
        });
    }

    private static boolean outcomeCounted(Reply view) {
        return view.json().path("targets").valueStream().anyMatch(t -> t.path("code").asString().equals("employed-any")
                && t.path("counted").asInt() == 1);
    }

    Map<String, Object> project() {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "Sopkvasten (testprojekt)");
        project.put("owner", Map.of("name", "Testförbundet"));
        project.put("region", Map.of("name", "Mellersta Norrland", "nuts2", "SE32"));
        project.put("period", Map.of("start", today.minusYears(2).toString(), "end", today.plusYears(1).toString()));
        project.put("plannedParticipants", 10);
        project.put("targetGroups", List.of(Map.of("code", "SWEEPERS", "label", "Sweepers")));
        project.put("activityTypes", List.of("STUDIES"));
        project.put("outcomeTypes", List.of("EMPLOYED", "STEP_FORWARD"));
        project.put("targets", List.of(Map.of("code", "employed-any", "target", 5, "outcomeTypes", List.of("EMPLOYED"))));
        return project;
    }

    Map<String, Object> enrolment(CastMember person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", new LinkedHashMap<>(Map.of("personalIdentityNumber", person.numberAsSent(), "givenName", person.givenName,
                "familyName", person.familyName, "protection", "NONE")));
        body.put("enrolledOn", enrolledOn.toString());
        body.put("targetGroup", "SWEEPERS");
        body.put("gender", "WOMAN");
        body.put("labourMarketStatus", "UNEMPLOYED");
        body.put("educationLevel", "ISCED_3_4");
        body.put("disability", "NO");
        body.put("minority", "NO");
        body.put("thirdCountryNational", false);
        body.put("foreignBackground", false);
        body.put("homeless", false);
        body.put("ruralArea", false);
        return body;
    }

    Map<String, Object> activity() {
        return new LinkedHashMap<>(Map.of("type", "STUDIES", "date", enrolledOn.plusDays(1).toString(), "hours", 2));
    }

    Map<String, Object> outcome() {
        return new LinkedHashMap<>(Map.of("type", "EMPLOYED", "date", enrolledOn.plusDays(2).toString()));
    }

    Map<String, Object> leave() {
        return new LinkedHashMap<>(Map.of("leftOn", today.minusDays(1).toString(), "reason", "COMPLETED"));
    }

    String enrolmentUrl() {
        return urls.participant() + "/api/projects/" + PROJECT + "/participants";
    }

    String participantUrl(String base) {
        return base + "/api/participants/" + participantId;
    }
}
