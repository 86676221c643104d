package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * outcome-service's follow-ups due, the one public sign that it has learnt of a leaving: an outcome recorded before
 * that would be filed at the wrong follow-up point (its README: the point depends on the leaving day known then).
 */
final class FollowUps {

    private final WholeSystemScenario scenario;

    FollowUps(WholeSystemScenario scenario) {
        this.scenario = scenario;
    }

    /** Every leaver is due at six months (their leaving was LEFT_DAYS_AGO days ago): outcome-service knows they left. */
    void awaitDueFor(List<CastMember> leavers) {
        Set<String> ids = leavers.stream().map(member -> member.participantId).collect(Collectors.toSet());
        await("outcome-service to know of every leaving").atMost(WholeSystemScenario.PATIENCE)
                .until(() -> dueAtSixMonths().containsAll(ids));
    }

    /** Once the outcomes are in, only the leavers without a six-month outcome are still due. */
    void assertDueOnlyWithoutOutcome(List<CastMember> leavers) {
        Set<String> withoutOutcome = leavers.stream()
                .filter(member -> member.outcomes.stream().noneMatch(o -> !o.retracted() && o.followUp().equals("MONTHS_6")))
                .map(member -> member.participantId).collect(Collectors.toSet());
        assertThat(dueAtSixMonths()).isEqualTo(withoutOutcome);
    }

    private Set<String> dueAtSixMonths() {
        JsonNode due = scenario.as.staff(ScenarioCast.ONBOARDED).get(scenario.urls.outcome() + "/api/follow-ups/due?projectId=" + ScenarioCast.ONBOARDED
                + "&before=" + scenario.today.plusYears(1)).json();
        return due.valueStream().filter(entry -> entry.path("followUp").asString().equals("MONTHS_6"))
                .map(entry -> entry.path("participantId").asString()).collect(Collectors.toSet());
    }
}
