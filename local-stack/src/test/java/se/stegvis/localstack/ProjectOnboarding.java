package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.stegvis.localstack.ServiceCalls.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A project no code knows, brought in through {@code PUT /api/projects/{projectId}} with its own target groups, types
 * and targets (a share at a follow-up point, a gender balance, an activity, a project-specific outcome), then changed.
 */
final class ProjectOnboarding {

    static final String NAME = "Nordlyktan: vägen ut (testprojekt)";
    static final int PLANNED_FIRST = 40;
    static final int PLANNED = 45;

    private final WholeSystemScenario scenario;

    ProjectOnboarding(WholeSystemScenario scenario) {
        this.scenario = scenario;
    }

    static String definition(LocalDate today, int planned) {
        return WholeSystemScenario.json(Map.of(
                "name", NAME,
                "owner", Map.of("name", "Kommunförbundet Testbotten"),
                "region", Map.of("name", "Övre Norrland", "nuts2", "SE33"),
                "period", Map.of("start", today.minusYears(2).toString(), "end", today.plusYears(1).toString()),
                "plannedParticipants", planned,
                "targetGroups", List.of(Map.of("code", "LEAVING_PRISON", "label", "Leaving prison"),
                        Map.of("code", "ON_PROBATION", "label", "On probation")),
                "activityTypes", List.of("STUDIES", "WORK_TRAINING", "INTERNSHIP", "SOCIAL_TRAINING"),
                "outcomeTypes", List.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING", "JOB_SEARCHING", "GAINED_QUALIFICATION",
                        "IMPROVED_LABOUR_MARKET_SITUATION", "STEP_FORWARD"),
                "targets", List.of(
                        Map.of("code", "participants", "target", planned),
                        Map.of("code", "work-or-studies-90-days", "target", 70, "unit", "PERCENT",
                                "outcomeTypes", List.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"), "followUp", "DAYS_90"),
                        Map.of("code", "work-or-studies", "target", 20, "outcomeTypes", List.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"),
                                "genderShares", Map.of("WOMAN", 50, "MAN", 50)),
                        Map.of("code", "in-work-training", "target", 20, "activityTypes", List.of("WORK_TRAINING")),
                        Map.of("code", "step-forward", "target", 10, "outcomeTypes", List.of("STEP_FORWARD")))));
    }

    /**
     * 201 for the new project, 200 for the change, both as {@code integrator}; the catalogue then lists it with the
     * changed plan.
     */
    void defineAndChange() {
        ServiceCalls integrator = scenario.as.integrator();
        String url = scenario.urls.participant() + "/api/projects/" + ScenarioCast.ONBOARDED;
        Reply created = integrator.json("PUT", url, definition(scenario.today, PLANNED_FIRST));
        assertThat(created.status()).as("defining the project: %s", created.describe()).isEqualTo(201);
        Reply changed = integrator.json("PUT", url, definition(scenario.today, PLANNED));
        assertThat(changed.status()).as("changing the project: %s", changed.describe()).isEqualTo(200);

        JsonNode catalogue = integrator.get(scenario.urls.participant() + "/api/projects").json();
        assertThat(catalogue.valueStream().map(p -> p.path("projectId").asString()))
                .contains(ScenarioCast.ONBOARDED, ScenarioCast.UTVAG, ScenarioCast.UNG_SYDVAST, ScenarioCast.OSTRA);
        JsonNode project = integrator.get(url).json();
        assertThat(project.path("plannedParticipants").asInt()).isEqualTo(PLANNED);
        assertThat(project.path("targets").size()).isEqualTo(5);
    }
}
