package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import se.stegvis.localstack.ServiceCalls.Reply;

/**
 * The whole system driven through its public HTTP APIs only, given the four services' base URLs: a project onboarded
 * through participant-service with its own targets, invented participants enrolled in it and in the three seeded
 * projects, their activities, leaving, outcomes at the follow-up points, a retraction of each kind, a correction and
 * an erasure; then the indicators read back from reporting-service ({@link ScenarioChecks}). Every call is signed in
 * ({@link Identities}): the project defined as {@code integrator}, each participant's life as its project's staff.
 */
final class WholeSystemScenario {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    final ServiceUrls urls;
    final Identities as;
    final LocalDate today = LocalDate.now(SWEDEN);
    final List<CastMember> cast;

    WholeSystemScenario(ServiceUrls urls) {
        this.urls = urls;
        this.as = new Identities(urls);
        this.cast = Stream.concat(ScenarioCast.onboarded(today).stream(), ScenarioCast.seeded().stream()).toList();
    }

    /** Every command of the scenario; each answer is checked as it comes. */
    void run() {
        new ProjectOnboarding(this).defineAndChange();
        cast.forEach(member -> new Enrolment(this, member).enrol());
        new Enrolment(this, member("U01")).retryAndDuplicate();
        cast.forEach(this::recordActivities);
        cast.forEach(member -> recordOutcomes(member, true));
        cast.stream().filter(member -> member.corrected != null).forEach(member -> new Enrolment(this, member).correct());
        cast.stream().filter(CastMember::hasLeft).forEach(member -> new Enrolment(this, member).leave());
        new FollowUps(this).awaitDueFor(leaversOf(ScenarioCast.ONBOARDED));
        cast.forEach(member -> recordOutcomes(member, false));
        new FollowUps(this).assertDueOnlyWithoutOutcome(leaversOf(ScenarioCast.ONBOARDED));
        cast.stream().filter(member -> member.erased).forEach(member -> new Enrolment(this, member).erase());
        new Enrolment(this, member("N10")).assertReadBackAndShieldedInLists();
    }

    CastMember member(String key) {
        return cast.stream().filter(member -> member.key.equals(key)).findFirst().orElseThrow();
    }

    List<CastMember> membersOf(String projectId) {
        return cast.stream().filter(member -> member.projectId.equals(projectId)).toList();
    }

    private List<CastMember> leaversOf(String projectId) {
        return membersOf(projectId).stream().filter(CastMember::hasLeft).toList();
    }

    private void recordActivities(CastMember member) {
        for (CastMember.PlannedActivity activity : member.activities) {
            ServiceCalls http = as.staff(member.projectId);
            Reply recorded = ServiceCalls.untilKnown(() -> http.json("POST", urls.activity() + "/api/participants/" + member.participantId
                    + "/activities", json(Map.of("type", activity.type(), "date", activity.date().toString(),
                    "hours", new java.math.BigDecimal(activity.hours())))));
            assertThat(recorded.status()).as("%s: activity %s answered %s", member, activity, recorded.describe()).isEqualTo(201);
            if (activity.retracted()) {
                String id = recorded.json().path("activityId").asString();
                Reply retracted = http.delete(urls.activity() + "/api/activities/" + id);
                assertThat(retracted.status()).as("%s: retracting %s: %s", member, id, retracted.describe()).isEqualTo(204);
                assertThat(http.get(urls.activity() + "/api/activities/" + id).status()).as("a retracted activity").isEqualTo(410);
            }
        }
    }

    /** The outcomes during participation before anyone leaves, the others once outcome-service knows of the leaving. */
    private void recordOutcomes(CastMember member, boolean duringParticipation) {
        for (CastMember.PlannedOutcome outcome : member.outcomes) {
            if (outcome.followUp().equals("DURING_PARTICIPATION") != duringParticipation) {
                continue;
            }
            ServiceCalls http = as.staff(member.projectId);
            Reply recorded = ServiceCalls.untilKnown(() -> http.json("POST", urls.outcome() + "/api/participants/" + member.participantId
                    + "/outcomes", json(Map.of("type", outcome.type(), "date", outcome.date().toString()))));
            assertThat(recorded.status()).as("%s: outcome %s answered %s", member, outcome, recorded.describe()).isEqualTo(201);
            assertThat(recorded.json().path("followUp").asString()).as("%s: the follow-up point of %s", member, outcome)
                    .isEqualTo(outcome.followUp());
            if (outcome.retracted()) {
                Reply retracted = http.delete(urls.outcome() + "/api/outcomes/" + recorded.json().path("outcomeId").asString());
                assertThat(retracted.status()).as("%s: retracting %s: %s", member, outcome, retracted.describe()).isEqualTo(204);
            }
        }
    }

    static String json(Map<String, ?> body) {
        return ServiceCalls.write(new LinkedHashMap<>(body));
    }
}
