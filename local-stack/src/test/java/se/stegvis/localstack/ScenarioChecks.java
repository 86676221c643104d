package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.localstack.ServiceCalls.Reply;
import tools.jackson.databind.JsonNode;

/**
 * What reporting-service must show once the scenario's events have landed: each project's exact figures and targets
 * as {@link ExpectedFigures} works them out (a few also written out here), the consolidated view with every small
 * count withheld and none recoverable ({@link SuppressionAudit}), and the dashboard.
 */
final class ScenarioChecks {

    private static final List<String> PROJECTS = List.of(ScenarioCast.ONBOARDED, ScenarioCast.UTVAG, ScenarioCast.UNG_SYDVAST,
            ScenarioCast.OSTRA);

    private final WholeSystemScenario scenario;

    ScenarioChecks(WholeSystemScenario scenario) {
        this.scenario = scenario;
    }

    void awaitIndicators() {
        await("every project's figures and the consolidated view").atMost(WholeSystemScenario.PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    PROJECTS.forEach(this::assertProject);
                    assertConsolidated();
                });
        assertWrittenOutFigures();
    }

    void assertDashboard() {
        ServiceCalls nobody = scenario.as.nobody(); // the page and its script load before anyone signs in
        Reply page = nobody.get(scenario.urls.reporting() + "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Stegvis: indicators</title>", "dashboard.js");
        Reply script = nobody.get(scenario.urls.reporting() + "/dashboard.js");
        assertThat(script.status()).as("the dashboard's script").isEqualTo(200);
        assertThat(script.body()).as("the dashboard listens to the live stream").contains("api/indicators/stream");
    }

    private void assertProject(String projectId) {
        JsonNode definition = scenario.as.staff(projectId).get(scenario.urls.participant() + "/api/projects/" + projectId).json();
        JsonNode view = exactView(projectId);
        List<CastMember> members = scenario.membersOf(projectId);
        assertThat(view.path("participants").asInt()).as("%s participants", projectId).isEqualTo(members.size());
        assertThat(view.path("plannedParticipants").asInt()).as("%s planned", projectId)
                .isEqualTo(definition.path("plannedParticipants").asInt());
        assertThat(ReportedFigures.indicators(view)).as("%s indicators", projectId).isEqualTo(ExpectedFigures.indicators(members));
        assertThat(ReportedFigures.targets(view)).as("%s targets", projectId).isEqualTo(ExpectedFigures.targets(definition, members, scenario.today));
    }

    /** A few figures by hand, so that the expectations above do not rest on ExpectedFigures alone. */
    private void assertWrittenOutFigures() {
        Map<String, String> onboarded = ReportedFigures.targets(exactView(ScenarioCast.ONBOARDED));
        assertThat(onboarded.get("participants")).startsWith("45 PARTICIPANTS actual 12 ");
        assertThat(onboarded.get("work-or-studies-90-days"))
                .as("2 at 90 days of the 7 whose 90 days have come (not of all 12), the retracted one not counted")
                .startsWith("70 PERCENT actual 28.6 counted 2 ");
        assertThat(onboarded.get("work-or-studies")).isEqualTo("20 PARTICIPANTS actual 5 counted 5 "
                + "{WOMAN=1, MAN=3, NON_BINARY=1, NOT_STATED=0} shares WOMAN=20, MAN=60, NON_BINARY=20, NOT_STATED=0");
        assertThat(onboarded.get("in-work-training")).startsWith("20 PARTICIPANTS actual 3 ");
        Map<String, String> indicators = ReportedFigures.indicators(exactView(ScenarioCast.ONBOARDED));
        assertThat(indicators.get("participants")).as("the correction moved N09 from men to women")
                .isEqualTo("12 {WOMAN=6, MAN=4, NON_BINARY=1, NOT_STATED=1}");
        assertThat(indicators.get("employed-upon-leaving")).as("employed after job searching: the later counts").startsWith("1 ");
        assertThat(indicators.get("job-searching-upon-leaving")).startsWith("0 ");
        assertThat(indicators.get("employed-six-months")).startsWith("1 {WOMAN=0, MAN=1");
        Map<String, String> utvag = ReportedFigures.targets(exactView(ScenarioCast.UTVAG));
        assertThat(utvag.get("participants")).as("the erased participant still counts").startsWith("120 PARTICIPANTS actual 8 ");
        assertThat(utvag.get("digital-guidance")).as("a retracted activity does not count").startsWith("120 PARTICIPANTS actual 5 ");
        assertThat(utvag.get("work-or-studies")).endsWith("shares WOMAN=66.7, MAN=33.3, NON_BINARY=0, NOT_STATED=0");
    }

    private void assertConsolidated() {
        Reply answer = scenario.as.owner().get(scenario.urls.reporting() + "/api/indicators");
        assertThat(answer.status()).as("the consolidated view as %s: %s", DemoMembers.OWNER, answer.describe()).isEqualTo(200);
        JsonNode consolidated = answer.json();
        Map<String, JsonNode> exact = new LinkedHashMap<>();
        consolidated.path("projects").forEach(p -> exact.put(p.path("projectId").asString(), exactView(p.path("projectId").asString())));
        assertThat(exact.keySet()).containsAll(PROJECTS);
        SuppressionAudit audit = new SuppressionAudit(consolidated, exact);
        assertThat(audit.findings()).as("what the consolidated view gives away").isEmpty();
        assertThat(audit.withheld()).as("cells withheld").isPositive();
        assertThat(audit.secondarilyWithheld()).as("cells of 5 or more withheld so that small ones cannot be worked out").isPositive();
    }

    private JsonNode exactView(String projectId) {
        Reply view = scenario.as.staff(projectId).get(scenario.urls.reporting() + "/api/projects/" + projectId + "/indicators");
        assertThat(view.status()).as("%s's indicators: %s", projectId, view.describe()).isEqualTo(200);
        return view.json();
    }
}
