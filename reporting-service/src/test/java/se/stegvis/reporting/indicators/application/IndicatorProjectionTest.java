package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorCount;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;
import se.stegvis.reporting.indicators.domain.TargetFigures;
import se.stegvis.reporting.indicators.domain.TargetUnit;
import se.stegvis.service.command.NotFound;

class IndicatorProjectionTest {

    private static final Caller STAFF = new Caller("staff-of-the-project", Set.of(), Map.of(PROJECT, ProjectRole.STAFF));

    private static final String ALEX = "0b6c3c9e-1111-4aaa-8bbb-000000000001";

    private final InMemoryStores stores = new InMemoryStores();
    private final IndicatorEngine engine = new IndicatorEngine(CATALOGUE);
    private final WorkingState state = new WorkingState(stores, stores);
    private final IndicatorTally tally = new IndicatorTally(state, engine, InventedParticipants.CLOCK);
    private final IndicatorProjection projection = new IndicatorProjection(state, stores, stores, tally);
    private final ReadIndicators read = new ReadIndicators(tally, CATALOGUE);

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
        ProjectFigures inOrder = read.ofProject(STAFF, PROJECT);
        assertThat(count(inOrder, "participants").byGender()).containsEntry(Gender.WOMAN, 1);
        assertThat(count(inOrder, "age-18-29").total()).isEqualTo(1);
        assertThat(count(inOrder, "employed-upon-leaving").total()).isZero();
        assertThat(inOrder.targets().get(0).counted()).isEqualTo(1);

        int orders = 0;
        for (List<ProjectionEvent> order : permutations(events)) {
            projection.clear();
            defineProject();
            order.forEach(event -> projection.apply(List.of(event)));
            assertThat(read.ofProject(STAFF, PROJECT)).as("order %s", order).isEqualTo(inOrder).isEqualTo(countedFromACheckpoint());
            orders++;
        }
        assertThat(orders).isEqualTo(720);
    }

    @Test
    void a_redelivered_or_duplicated_event_changes_nothing() {
        defineProject();
        List<ProjectionEvent> events = sixEvents();
        projection.apply(events);
        ProjectFigures once = read.ofProject(STAFF, PROJECT);

        projection.apply(events);
        List<ProjectionEvent> doubled = new ArrayList<>(events);
        doubled.addAll(events);
        projection.apply(doubled);

        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(once);
    }

    @Test
    void a_retraction_before_its_record_means_the_record_never_counts() {
        defineProject();
        projection.apply(List.of(InventedParticipants.outcomeRetracted(ALEX, "o1", T0.plusSeconds(200))));
        projection.apply(List.of(InventedParticipants.outcome(ALEX, "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0)));
        projection.apply(List.of(InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.MAN, 30))));

        assertThat(count(read.ofProject(STAFF, PROJECT), "participants").total()).isEqualTo(1);
        assertThat(count(read.ofProject(STAFF, PROJECT), "employed-upon-leaving").total()).isZero();
    }

    /** What the events did not produce (a participant no replayed event names) is gone after the replay. */
    @Test
    void a_replay_into_an_empty_store_ends_in_the_same_view() {
        List<ProjectionEvent> events = sixEvents();
        defineProject();
        projection.apply(events);
        ProjectFigures live = read.ofProject(STAFF, PROJECT);
        projection.apply(List.of(InventedParticipants.enrolled("0b6c3c9e-1111-4aaa-8bbb-000000000003", InventedParticipants.entry(Gender.MAN, 70))));
        assertThat(read.ofProject(STAFF, PROJECT).participants()).as("the stray counts before the replay").isEqualTo(2);

        projection.clear();
        defineProject();
        projection.apply(events);

        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(live);
    }

    @Test
    void the_read_model_needs_a_replay_until_a_project_or_a_participant_is_stored_and_again_once_cleared() {
        assertThat(projection.needsReplay()).isTrue();
        projection.apply(List.of(sixEvents().get(0)));
        assertThat(projection.needsReplay()).as("a participant applied, not stored yet").isTrue();
        checkpoint();
        assertThat(projection.needsReplay()).as("a participant stored before their project").isFalse();
        projection.clear();
        assertThat(projection.needsReplay()).isTrue();
        defineProject();
        assertThat(projection.needsReplay()).as("a project without participants").isFalse();
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

    @Test
    void the_running_counts_equal_a_count_of_the_stored_participants_after_every_batch() {
        String sam = "0b6c3c9e-1111-4aaa-8bbb-000000000002";
        defineProject();
        List<ProjectionEvent> events = new ArrayList<>(sixEvents());
        events.add(InventedParticipants.enrolled(sam, InventedParticipants.entry(Gender.MAN, 60, "labourMarketStatus", "UNEMPLOYED")));
        events.add(InventedParticipants.activity(sam, "a2", "DIGITAL_GUIDANCE"));
        events.add(InventedParticipants.outcome(sam, "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 9, 1), T0.plusSeconds(300)));
        events.add(InventedParticipants.activityRetracted(sam, "a2"));
        events.add(InventedParticipants.erased(sam));
        for (ProjectionEvent event : events) {
            projection.apply(List.of(event));
            assertThat(read.ofProject(STAFF, PROJECT)).as("after %s", event).isEqualTo(countedFromACheckpoint());
        }
        assertThat(count(read.ofProject(STAFF, PROJECT), "employed-upon-leaving").total()).isEqualTo(1);
    }

    @Test
    void a_replay_keeps_no_running_counts_until_it_has_ended_and_its_views_are_exact_throughout() {
        String sam = "0b6c3c9e-1111-4aaa-8bbb-000000000002";
        defineProject();
        projection.apply(sixEvents());
        read.ofProject(STAFF, PROJECT);
        assertThat(tally.keepsRunningCounts()).as("running counts once a view was counted").isTrue();

        projection.clear();
        assertThat(tally.keepsRunningCounts()).as("cleared for a replay").isFalse();
        List<ProjectionEvent> replayed = new ArrayList<>();
        replayed.add(PROJECT_DEFINED);
        replayed.addAll(sixEvents());
        replayed.add(InventedParticipants.enrolled(sam, InventedParticipants.entry(Gender.MAN, 60, "labourMarketStatus", "UNEMPLOYED")));
        for (ProjectionEvent event : replayed) {
            projection.apply(List.of(event));
            assertThat(read.ofProject(STAFF, PROJECT)).as("during the replay, after %s", event).isEqualTo(countedFromACheckpoint());
            assertThat(tally.keepsRunningCounts()).as("during the replay, with a view read").isFalse();
        }

        projection.replayed();
        read.ofProject(STAFF, PROJECT);
        assertThat(tally.keepsRunningCounts()).as("once the replay ended and a view was counted").isTrue();
        for (ProjectionEvent event : List.of(InventedParticipants.activity(sam, "a2", "DIGITAL_GUIDANCE"),
                InventedParticipants.outcome(sam, "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 9, 1), T0.plusSeconds(300)))) {
            projection.apply(List.of(event));
            assertThat(read.ofProject(STAFF, PROJECT)).as("after the replay, after %s", event).isEqualTo(countedFromACheckpoint());
        }
        assertThat(count(read.ofProject(STAFF, PROJECT), "employed-upon-leaving").total()).isEqualTo(1);
    }

    @Test
    void the_first_checkpoint_after_a_replay_holds_everything_it_built_and_the_next_only_what_changed_since() {
        defineProject();
        projection.clear();
        List<ProjectionEvent> replayed = new ArrayList<>(List.of(PROJECT_DEFINED));
        replayed.addAll(sixEvents());
        replayed.add(InventedParticipants.outcomeRetracted(ALEX, "o9", T0.plusSeconds(400)));
        projection.apply(replayed);

        ParticipantStore.Changes first = projection.takeChanges();
        assertThat(first.participants()).extracting(ProjectedParticipant.Facts::participantId).containsExactly(ALEX);
        assertThat(first.activities()).extracting(ProjectedParticipant.Fact::id).containsExactly("a1");
        assertThat(first.outcomes()).as("the retracted one and the one known only by its retraction")
                .extracting(ProjectedParticipant.Fact::id).containsExactlyInAnyOrder("o1", "o9");
        assertThat(first.unstored()).as("none is in the emptied store").containsExactly(ALEX);
        projection.store(first);

        projection.apply(List.of(InventedParticipants.activity(ALEX, "a2", "DIGITAL_GUIDANCE")));
        ParticipantStore.Changes next = projection.takeChanges();
        assertThat(next.activities()).extracting(ProjectedParticipant.Fact::id).containsExactly("a2");
        assertThat(next.outcomes()).isEmpty();
        assertThat(next.unstored()).isEmpty();
        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(countedFromACheckpoint());
    }

    @Test
    void a_changed_project_definition_counts_its_participants_under_the_new_targets() {
        defineProject();
        projection.apply(sixEvents());
        assertThat(read.ofProject(STAFF, PROJECT).targets()).extracting(TargetFigures::counted).containsExactly(1, 0);

        projection.apply(List.of(new ProjectDefinition("e-later", T0.plusSeconds(1_000), PROJECT, "Påhittat projekt", "Sydsverige",
                "SE22", 120, List.of(InventedParticipants.target("studied", 10, TargetUnit.PARTICIPANTS, Set.of(),
                        Set.of("DIGITAL_GUIDANCE", "STUDIES"), null, Map.of())))));

        assertThat(read.ofProject(STAFF, PROJECT).targets()).extracting(t -> t.target().code(), TargetFigures::counted)
                .containsExactly(tuple("studied", 1));
        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(countedFromACheckpoint());
    }

    @Test
    void a_checkpoint_that_fails_part_way_is_written_whole_by_the_next_one() {
        defineProject();
        projection.apply(sixEvents());
        String sam = "0b6c3c9e-1111-4aaa-8bbb-000000000002";
        projection.apply(List.of(
                InventedParticipants.outcome(ALEX, "o9", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 2), T0.plusSeconds(500)),
                InventedParticipants.enrolled(sam, InventedParticipants.entry(Gender.WOMAN, 25))));
        ProjectFigures applied = read.ofProject(STAFF, PROJECT);
        assertThat(applied.participants()).isEqualTo(2);

        stores.failAfter(2);
        ParticipantStore.Changes changes = projection.takeChanges();
        assertThatThrownBy(() -> projection.store(changes)).isInstanceOf(IllegalStateException.class);
        assertThat(stores.documents()).as("part of the checkpoint stored").isEqualTo(2);
        projection.putBack(changes);

        assertThat(read.ofProject(STAFF, PROJECT)).as("the view does not wait for the store").isEqualTo(applied);
        assertThat(countedFromACheckpoint()).isEqualTo(applied);
        assertThat(projection.takeChanges()).as("nothing left over").isEqualTo(ParticipantStore.Changes.NONE);
    }

    @Test
    void a_checkpoint_names_the_participants_the_store_has_nothing_of_until_a_checkpoint_took_them() {
        projection.apply(List.of(PROJECT_DEFINED));
        projection.apply(sixEvents());
        ParticipantStore.Changes first = projection.takeChanges();
        assertThat(first.unstored()).as("met since the store was read").containsExactly(ALEX);
        projection.store(first);

        projection.apply(List.of(InventedParticipants.activity(ALEX, "a2", "DIGITAL_GUIDANCE")));
        assertThat(projection.takeChanges().unstored()).as("in a checkpoint already").isEmpty();

        String sam = "0b6c3c9e-1111-4aaa-8bbb-000000000003";
        WorkingState restarted = new WorkingState(stores, stores);
        IndicatorProjection afterRestart = new IndicatorProjection(restarted, stores, stores, new IndicatorTally(restarted, engine, InventedParticipants.CLOCK));
        afterRestart.apply(List.of(InventedParticipants.activity(ALEX, "a3", "DIGITAL_GUIDANCE"),
                InventedParticipants.enrolled(sam, InventedParticipants.entry(Gender.WOMAN, 25))));
        assertThat(afterRestart.takeChanges().unstored()).as("read from the store at start, or new").containsExactly(sam);

        afterRestart.clear();
        afterRestart.apply(List.of(PROJECT_DEFINED));
        afterRestart.apply(sixEvents());
        assertThat(afterRestart.takeChanges().unstored()).as("once the store was emptied").containsExactly(ALEX);
    }

    @Test
    void a_checkpoint_holds_only_what_changed_since_the_last_one() {
        defineProject();
        List<ProjectionEvent> events = sixEvents();
        projection.apply(events);
        ParticipantStore.Changes first = projection.takeChanges();
        assertThat(first.participants()).hasSize(1);
        assertThat(first.activities()).hasSize(1);
        assertThat(first.outcomes()).as("o1 and its retraction are one outcome").hasSize(1);
        projection.store(first);

        projection.apply(events);
        assertThat(projection.takeChanges()).as("the same events again change nothing").isEqualTo(ParticipantStore.Changes.NONE);

        projection.apply(List.of(InventedParticipants.activity(ALEX, "a2", "DIGITAL_GUIDANCE")));
        ParticipantStore.Changes second = projection.takeChanges();
        assertThat(second.activities()).extracting(fact -> fact.id()).containsExactly("a2");
        assertThat(second.participants()).hasSize(1);
        assertThat(second.outcomes()).isEmpty();
    }

    @Test
    void a_restart_from_the_checkpoint_counts_as_the_projection_did() {
        defineProject();
        projection.apply(sixEvents());
        checkpoint();
        ProjectFigures before = read.ofProject(STAFF, PROJECT);

        WorkingState restarted = new WorkingState(stores, stores);
        IndicatorTally restartedTally = new IndicatorTally(restarted, engine, InventedParticipants.CLOCK);
        assertThat(new ReadIndicators(restartedTally, CATALOGUE).ofProject(STAFF, PROJECT)).isEqualTo(before);
    }

    @Test
    void a_project_not_defined_yet_has_no_figures_until_its_definition_arrives_with_its_participants_counted() {
        projection.apply(sixEvents());
        assertThatThrownBy(() -> read.ofProject(STAFF, PROJECT)).isInstanceOf(NotFound.class);

        defineProject();

        assertThat(read.ofProject(STAFF, PROJECT).participants()).isEqualTo(1);
        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(countedFromACheckpoint());
    }

    private void checkpoint() {
        projection.store(projection.takeChanges());
    }

    /** Writes a checkpoint, then counts the project from scratch over what the store holds. */
    private ProjectFigures countedFromACheckpoint() {
        checkpoint();
        return engine.figures(stores.project(PROJECT).orElseThrow(), stores.ofProject(PROJECT), InventedParticipants.TODAY);
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
