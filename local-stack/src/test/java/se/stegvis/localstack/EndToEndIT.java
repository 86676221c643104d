package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system on the local stack, started as {@code ./mvnw -Pstack} starts it: the scenario drives the four
 * services through HTTP only, reporting-service shows the figures it must, and afterwards no personal data of the
 * people enrolled is anywhere but sealed in participant-service: not on any topic, in any log or in any database.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private WholeSystemScenario scenario;

    @BeforeAll
    void run_the_scenario(SharedStack.Running stack) {
        scenario = new WholeSystemScenario(stack.urls());
        scenario.run();
    }

    @Test
    @Order(1)
    void every_project_shows_its_exact_figures_and_targets_and_the_consolidated_view_gives_no_small_count_away() {
        ScenarioChecks checks = new ScenarioChecks(scenario);
        checks.awaitIndicators();
        checks.assertDashboard();
    }

    @Test
    @Order(2)
    void no_name_or_identity_number_of_the_enrolled_people_is_on_a_topic_in_a_log_or_in_a_database(SharedStack.Running stack)
            throws Exception {
        new ScenarioChecks(scenario).awaitIndicators();
        PersonalDataSearch search = new PersonalDataSearch(stack);
        search.plantControl();
        Set<String> numbers = Stream.concat(scenario.cast.stream(), Stream.of(PersonalDataSearch.CONTROL))
                .flatMap(member -> member.numberForms().stream()).collect(Collectors.toSet());
        Set<String> names = Stream.concat(scenario.cast.stream(), Stream.of(PersonalDataSearch.CONTROL))
                .flatMap(member -> member.names().stream()).collect(Collectors.toSet());
        names.add(ScenarioCast.ONBOARDED);

        PiiScanner scanner = search.scan(numbers, names);

        Set<String> control = Set.copyOf(PersonalDataSearch.CONTROL.names());
        Predicate<PiiScanner.Hit> isControl = hit -> control.contains(hit.value())
                || PersonalDataSearch.CONTROL.numberForms().contains(hit.value());
        assertThat(scanner.hits()).as("personal data of the enrolled people outside participant-service's sealed store")
                .filteredOn(isControl.negate()).filteredOn(hit -> !hit.value().equals(ScenarioCast.ONBOARDED)).isEmpty();
        for (String value : concat(PersonalDataSearch.CONTROL.names(), PersonalDataSearch.CONTROL.numberForms())) {
            assertThat(wheres(scanner, value)).as("where the planted %s was found", value).containsExactlyInAnyOrder(
                    "topic " + PersonalDataSearch.CONTROL_TOPIC + "/0@0", "log " + PersonalDataSearch.CONTROL_LOG,
                    "database " + PersonalDataSearch.CONTROL_DATABASE + ".planted",
                    "database " + PersonalDataSearch.CONTROL_DATABASE + ".planted as JSON");
        }
        List<String> whereTheProjectIs = wheres(scanner, ScenarioCast.ONBOARDED);
        for (String topic : List.of("projects", "participants", "activities", "outcomes")) {
            assertThat(whereTheProjectIs).as("the search decoded stegvis.%s.v1", topic)
                    .anyMatch(where -> where.startsWith("topic stegvis." + topic + ".v1/") && where.endsWith(" decoded"));
        }
        assertThat(whereTheProjectIs).as("the search read every service's database").contains(
                "database stegvis-participant.participants", "database stegvis-reporting.reporting_participants",
                "database stegvis-activity.activities", "database stegvis-activity.replica_participants",
                "database stegvis-outcome.outcomes", "database stegvis-outcome.replica_participants");
        assertThat(String.join("\n", search.decodedEvents())).as("every participant's events, decoded")
                .contains(scenario.cast.stream().map(member -> member.participantId).toList());
        assertThat(scanner.bytesScanned()).containsKeys("topics", "decoded events", "logs", "databases");
        System.out.printf("[EndToEndIT] searched for %d values: %s%n", numbers.size() + names.size(), scanner.bytesScanned());
    }

    private static List<String> wheres(PiiScanner scanner, String value) {
        return scanner.hits().stream().filter(hit -> hit.value().equals(value)).map(PiiScanner.Hit::where).distinct().toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
