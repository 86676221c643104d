package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.localstack.demo.DemoData;
import se.stegvis.localstack.demo.DemoPerson;
import se.stegvis.localstack.demo.DemoPlan;
import se.stegvis.localstack.demo.DemoSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher with {@code -Dstegvis.demo=true}, as {@code ./mvnw -Pstack -Dstegvis.demo=true} runs it, with a small
 * demo set: the participants reach reporting-service's indicators, and a second load adds nothing.
 */
class DemoDataIT {

    private static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    private static final int PARTICIPANTS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LauncherProcess launcher;
    private IssuerTokens tokens;

    @TempDir
    Path dataDir;

    @AfterEach
    void killWhatIsLeft() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void the_demo_flag_loads_invented_participants_that_reach_the_indicators_and_a_second_load_adds_nothing() throws Exception {
        for (String module : List.of("participant-service", "activity-service", "outcome-service", "reporting-service")) {
            assertThat(StackPlan.executableJar(ROOT, module)).as("build the services first (mvn package)").isRegularFile();
        }
        StackPorts ports = StackPorts.free();
        launcher = LauncherProcess.start(ROOT, dataDir, ports, DemoSettings.FLAG + "=true",
                DemoSettings.FLAG + ".participants=" + PARTICIPANTS);
        launcher.awaitRunning(LauncherProcess.START_TIMEOUT);
        await("the demo's summary").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(launcher.output()).noneMatch(line -> line.contains("demo data not loaded"));
            return launcher.printed(DemoData.LOADED);
        });
        DemoSettings settings = settings(ports);
        DemoPlan plan = DemoData.plan(settings);
        assertThat(launcher.output()).anyMatch(line -> line.matches("\\[demo] \\d+/20 participants enrolled.*"));
        assertThat(summary(launcher.output())).contains("20 invented participants (20 new)",
                plan.activities() + " activities (" + plan.activities() + " new)",
                plan.outcomes() + " outcomes (" + plan.outcomes() + " new)");

        for (String project : List.of("23-073-S03", "23-069-S06", "23-079-S13")) {
            assertThat(json(ports, project, ports.port("participant"), "/api/projects/" + project + "/participants").size()).as(project)
                    .isEqualTo(plan.participantsOf(project)).isPositive();
            await("reporting-service counts " + project).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> indicator(ports, project, "participants") == plan.participantsOf(project));
        }
        await("Utväg II's targets").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                target(ports, "digital-guidance") == utvagWith(plan, person -> person.keptActivities().stream()
                        .anyMatch(activity -> activity.type().equals("DIGITAL_GUIDANCE")))
                && target(ports, "work-or-studies") == utvagWith(plan, person -> person.keptOutcomes().stream()
                        .anyMatch(outcome -> Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING").contains(outcome.type()))));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        DemoData.load(settings, new PrintStream(again, true, StandardCharsets.UTF_8));

        long leavers = plan.people().stream().filter(person -> person.leaving() != null).count();
        assertThat(summary(again.toString(StandardCharsets.UTF_8).lines().toList())).contains(
                "20 invented participants (0 new)", plan.activities() + " activities (0 new)",
                leavers + " left (" + leavers + " before this run)", plan.outcomes() + " outcomes (0 new)");
        assertThat(currentOf(ports, "activity", "activities")).isEqualTo(plan.activities());
        assertThat(currentOf(ports, "outcome", "outcomes")).isEqualTo(plan.outcomes());
        assertThat(indicator(ports, "23-079-S13", "participants")).isEqualTo(plan.participantsOf("23-079-S13"));
        launcher.stopAndAssertNothingLeft(Duration.ofMinutes(2));
    }

    private IssuerTokens tokens(StackPorts ports) {
        if (tokens == null) {
            tokens = new IssuerTokens(ports.issuer());
        }
        return tokens;
    }

    private static String summary(List<String> output) {
        return output.stream().filter(line -> line.startsWith(DemoData.LOADED)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + DemoData.LOADED + "…"));
    }

    private static DemoSettings settings(StackPorts ports) {
        Map<String, String> values = new HashMap<>();
        ports.asProperties().forEach((name, port) -> values.put(name, String.valueOf(port)));
        values.put(DemoSettings.FLAG + ".participants", String.valueOf(PARTICIPANTS));
        return DemoSettings.from(values);
    }

    /** Every participant's current activities or outcomes, as the service lists them, added up. */
    private long currentOf(StackPorts ports, String service, String what) throws Exception {
        long total = 0;
        for (String project : List.of("23-073-S03", "23-069-S06", "23-079-S13")) {
            for (JsonNode participant : json(ports, project, ports.port("participant"), "/api/projects/" + project + "/participants")) {
                total += json(ports, project, ports.port(service), "/api/participants/" + participant.get("participantId").asString()
                        + "/" + what).size();
            }
        }
        return total;
    }

    private long indicator(StackPorts ports, String project, String code) throws Exception {
        for (JsonNode indicator : json(ports, project, ports.port("reporting"), "/api/projects/" + project + "/indicators").get("indicators")) {
            if (indicator.get("code").asString().equals(code)) {
                return indicator.get("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private long target(StackPorts ports, String code) throws Exception {
        for (JsonNode target : json(ports, "23-073-S03", ports.port("reporting"), "/api/projects/23-073-S03/indicators").get("targets")) {
            if (target.get("code").asString().equals(code)) {
                return target.get("actual").asLong();
            }
        }
        throw new AssertionError("no target " + code);
    }

    private static long utvagWith(DemoPlan plan, java.util.function.Predicate<DemoPerson> which) {
        return plan.people().stream().filter(person -> person.projectId().equals("23-073-S03")).filter(which).count();
    }

    /** A GET that must answer 200, as the staff of the project (the demo identity the launcher made a member). */
    private JsonNode json(StackPorts ports, String project, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", tokens(ports).bearer(DemoMembers.staffOf(project)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
