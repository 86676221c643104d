package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
@Order(1)
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
        new ScenarioChecks(scenario).awaitIndicators(); // the read model holds everything before it is searched
        PersonalDataSearch search = new PersonalDataSearch(stack);
        search.plantControl();
        List<CastMember> searched = Stream.concat(scenario.cast.stream(), Stream.of(PersonalDataSearch.CONTROL)).toList();
        Set<String> names = values(searched, CastMember::names);
        names.add(ScenarioCast.ONBOARDED);

        PiiScanner scanner = search.scan(values(searched, CastMember::numberForms), names);

        Set<String> enrolled = values(scenario.cast, CastMember::names);
        enrolled.addAll(values(scenario.cast, CastMember::numberForms));
        assertThat(scanner.hits()).as("personal data of the enrolled people outside participant-service's sealed store")
                .filteredOn(hit -> enrolled.contains(hit.value())).isEmpty();
        assertFoundWherePlanted(scanner);
        assertEverySourceRead(scanner, search);
        System.out.printf("[EndToEndIT] searched for %d values: %s%n", enrolled.size(), scanner.bytesScanned());
    }

    /** The control person is found in the topic, the database and the log they were planted in, and nowhere else. */
    private static void assertFoundWherePlanted(PiiScanner scanner) {
        CastMember control = PersonalDataSearch.CONTROL;
        for (String value : Stream.concat(control.names().stream(), control.numberForms().stream()).toList()) {
            assertThat(wheres(scanner, value)).as("where the planted %s was found", value).containsExactlyInAnyOrder(
                    "topic " + PersonalDataSearch.CONTROL_TOPIC + "/0@0", "log " + PersonalDataSearch.CONTROL_LOG,
                    "database " + PersonalDataSearch.CONTROL_DATABASE + ".planted",
                    "database " + PersonalDataSearch.CONTROL_DATABASE + ".planted as JSON");
        }
    }

    /** The onboarded project's id is in every event topic, decoded, and in every service's database: all were read. */
    private void assertEverySourceRead(PiiScanner scanner, PersonalDataSearch search) {
        List<String> whereTheProjectIs = wheres(scanner, ScenarioCast.ONBOARDED);
        for (String topic : List.of("projects", "participants", "activities", "outcomes")) {
            assertThat(whereTheProjectIs).as("the search decoded stegvis.%s.v1", topic)
                    .anyMatch(where -> where.startsWith("topic stegvis." + topic + ".v1/") && where.endsWith(" decoded"));
        }
        assertThat(whereTheProjectIs).as("the search read every service's database, and participant-service's audit trail")
                .contains("database stegvis-participant.participants", "database stegvis-participant.audit", "database stegvis-reporting.reporting_participants",
                "database stegvis-activity.activities", "database stegvis-activity.replica_participants",
                "database stegvis-outcome.outcomes", "database stegvis-outcome.replica_participants");
        assertThat(String.join("\n", search.decodedEvents())).as("every participant's events, decoded")
                .contains(scenario.cast.stream().map(member -> member.participantId).toList());
        assertThat(scanner.bytesScanned()).containsKeys("topics", "decoded events", "logs", "databases");
    }

    private static Set<String> values(List<CastMember> people, Function<CastMember, List<String>> of) {
        return people.stream().flatMap(member -> of.apply(member).stream()).collect(Collectors.toSet());
    }

    private static List<String> wheres(PiiScanner scanner, String value) {
        return scanner.hits().stream().filter(hit -> hit.value().equals(value)).map(PiiScanner.Hit::where).distinct().toList();
    }
}
