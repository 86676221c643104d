package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorCount;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;
import se.stegvis.reporting.indicators.domain.TargetUnit;

class IndicatorProjectionTest {

    private static final String ALEX = "0b6c3c9e-1111-4aaa-8bbb-000000000001";

    private final InMemoryStores stores = new InMemoryStores();
    private final IndicatorProjection projection = new IndicatorProjection(stores, stores);
    private final ReadIndicators read = new ReadIndicators(stores, stores, new IndicatorEngine(CATALOGUE));

    /** Enrolment, correction, activity, outcome, its retraction, leaving; plus a second outcome that stays. */
    private static List<ProjectionEvent> sixEvents() {
        return List.of(
                InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.MAN, 17, "educationLevel", "ISCED_0_2")),
                InventedParticipants.corrected(ALEX, InventedParticipants.entry(Gender.WOMAN, 18, "educationLevel", "ISCED_3_4"), T0.plusSeconds(30)),
                InventedParticipants.activity(ALEX, "a1", "DIGITAL_GUIDANCE"),
                InventedParticipants.outcome(ALEX, "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(100)),
                InventedParticipants.outcomeRetracted(ALEX, "o1", T0.plusSeconds(200)),
                InventedParticipants.left(ALEX));
    }

    private static final ProjectionEvent PROJECT_DEFINED = InventedParticipants.project(List.of(
                InventedParticipants.target("guided", 120, TargetUnit.PARTICIPANTS, Set.of(), Set.of("DIGITAL_GUIDANCE"), null, Map.of()),
                InventedParticipants.target("work", 60, TargetUnit.PARTICIPANTS, Set.of("EMPLOYED"), Set.of(), null, Map.of("WOMAN", 50, "MAN", 50))));

    private void defineProject() {
        projection.apply(List.of(PROJECT_DEFINED));
    }

    @Test
    void every_order_of_six_events_gives_the_same_view() {
        defineProject();
        List<ProjectionEvent> events = sixEvents();
        projection.apply(events);
        ProjectFigures inOrder = read.ofProject(PROJECT);
        assertThat(count(inOrder, "participants").byGender()).containsEntry(Gender.WOMAN, 1);
        assertThat(count(inOrder, "age-18-29").total()).isEqualTo(1);
        assertThat(count(inOrder, "employed-upon-leaving").total()).isZero();
        assertThat(inOrder.targets().get(0).counted()).isEqualTo(1);

        int orders = 0;
        for (List<ProjectionEvent> order : permutations(events)) {
            stores.clear();
            defineProject();
            order.forEach(event -> projection.apply(List.of(event)));
            assertThat(read.ofProject(PROJECT)).as("order %s", order).isEqualTo(inOrder);
            orders++;
        }
        assertThat(orders).isEqualTo(720);
    }

    @Test
    void a_redelivered_or_duplicated_event_changes_nothing() {
        defineProject();
        List<ProjectionEvent> events = sixEvents();
        projection.apply(events);
        ProjectFigures once = read.ofProject(PROJECT);

        projection.apply(events);
        List<ProjectionEvent> doubled = new ArrayList<>(events);
        doubled.addAll(events);
        projection.apply(doubled);

        assertThat(read.ofProject(PROJECT)).isEqualTo(once);
    }

    @Test
    void a_retraction_before_its_record_means_the_record_never_counts() {
        defineProject();
        projection.apply(List.of(InventedParticipants.outcomeRetracted(ALEX, "o1", T0.plusSeconds(200))));
        projection.apply(List.of(InventedParticipants.outcome(ALEX, "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0)));
        projection.apply(List.of(InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.MAN, 30))));

        assertThat(count(read.ofProject(PROJECT), "participants").total()).isEqualTo(1);
        assertThat(count(read.ofProject(PROJECT), "employed-upon-leaving").total()).isZero();
    }

    @Test
    void a_replay_into_an_empty_store_ends_in_the_same_view() {
        List<ProjectionEvent> events = sixEvents();
        defineProject();
        projection.apply(events);
        ProjectFigures live = read.ofProject(PROJECT);

        projection.clear();
        defineProject();
        projection.apply(events);

        assertThat(read.ofProject(PROJECT)).isEqualTo(live);
    }

    @Test
    void subscribers_hear_which_projects_changed_after_each_batch() {
        List<Set<String>> heard = new ArrayList<>();
        projection.subscribe(heard::add);

        List<ProjectionEvent> events = sixEvents();
        defineProject();
        projection.apply(events);
        projection.apply(events);

        assertThat(heard).as("the project defined, then the events; their repetition changes nothing")
                .containsExactly(Set.of(PROJECT), Set.of(PROJECT));
    }

    private static IndicatorCount count(ProjectFigures figures, String code) {
        return figures.indicators().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
