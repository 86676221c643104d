package se.stegvis.outcome.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.DAYS_90;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.MONTHS_6;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.UPON_LEAVING;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

class ParticipantTest {

    private static final Project PROJECT = new Project("99-000-T01", List.of("EMPLOYED", "STEP_FORWARD"),
            Set.of(UPON_LEAVING, DAYS_90, MONTHS_6));
    private static final LocalDate TODAY = LocalDate.of(2025, 9, 15);
    private static final Instant NOW = Instant.parse("2025-09-15T08:00:00Z");
    private static final LocalDate ENROLLED = LocalDate.of(2025, 2, 3);
    private static final LocalDate LEFT = LocalDate.of(2025, 7, 20);

    private final Participant stillTakingPart = new Participant(UUID.randomUUID(), PROJECT.id(), ENROLLED, null, false);
    private final Participant left = new Participant(UUID.randomUUID(), PROJECT.id(), ENROLLED, LEFT, false);

    private static List<String> pointersOf(Runnable command) {
        try {
            command.run();
        } catch (InvalidCommand e) {
            return e.violations().stream().map(Violation::pointer).toList();
        }
        throw new AssertionError("the command was accepted");
    }

    @Test
    void an_esf_plus_type_is_accepted_even_where_the_project_does_not_list_it() {
        OutcomeEvent.Recorded recorded = left.record(PROJECT, UUID.randomUUID(), "JOB_SEARCHING", LEFT.plusDays(3), TODAY, NOW);

        assertThat(recorded.type()).isEqualTo("JOB_SEARCHING");
        assertThat(recorded.followUp()).isEqualTo(UPON_LEAVING);
    }

    @Test
    void the_projects_own_type_is_accepted_and_another_projects_is_refused() {
        assertThat(stillTakingPart.record(PROJECT, UUID.randomUUID(), "STEP_FORWARD", ENROLLED, TODAY, NOW).followUp())
                .isEqualTo(FollowUpPoint.DURING_PARTICIPATION);
        assertThat(pointersOf(() -> stillTakingPart.record(PROJECT, UUID.randomUUID(), "MOVED_TO_MARS", ENROLLED, TODAY, NOW)))
                .containsExactly("/type");
    }

    @Test
    void an_outcome_dated_before_enrolment_or_after_today_is_refused() {
        assertThat(pointersOf(() -> left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", ENROLLED.minusDays(1), TODAY, NOW)))
                .containsExactly("/date");
        assertThat(pointersOf(() -> left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", TODAY.plusDays(1), TODAY, NOW)))
                .containsExactly("/date");
        assertThat(left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", TODAY, TODAY, NOW).date()).isEqualTo(TODAY);
    }

    @Test
    void every_rule_broken_is_named_at_once() {
        assertThat(pointersOf(() -> left.record(PROJECT, UUID.randomUUID(), "UNHEARD_OF", TODAY.plusDays(1), TODAY, NOW)))
                .containsExactly("/type", "/date");
        assertThat(pointersOf(() -> left.record(PROJECT, UUID.randomUUID(), null, null, TODAY, NOW)))
                .containsExactly("/type", "/date");
    }

    @Test
    void the_recorded_event_carries_the_participant_project_outcome_and_time() {
        UUID outcomeId = UUID.randomUUID();
        OutcomeEvent.Recorded recorded = left.record(PROJECT, outcomeId, "EMPLOYED", LEFT.plusDays(95), LEFT.plusDays(95), NOW);

        assertThat(recorded).extracting(OutcomeEvent.Recorded::participantId, OutcomeEvent.Recorded::projectId,
                OutcomeEvent.Recorded::outcomeId, OutcomeEvent.Recorded::occurredAt, OutcomeEvent.Recorded::followUp)
                .containsExactly(left.id(), PROJECT.id(), outcomeId, NOW, DAYS_90);
    }

    @Test
    void follow_ups_due_before_a_day_are_listed_earliest_first_while_their_window_is_open() {
        LocalDate today = LEFT.plusDays(20);

        List<FollowUpDue> due = left.followUpsDue(PROJECT, LEFT.plusMonths(7), today, Set.of());

        assertThat(due).extracting(FollowUpDue::followUp).containsExactly(UPON_LEAVING, DAYS_90, MONTHS_6);
        assertThat(due.get(0).windowClosesOn()).isEqualTo(LEFT.plusDays(28));
    }

    @Test
    void an_outcome_dated_on_any_day_of_a_listed_follow_up_window_is_recorded_at_that_point_and_none_outside_it() {
        LocalDate muchLater = LEFT.plusYears(2);

        for (FollowUpDue due : left.followUpsDue(PROJECT, LEFT.plusYears(1), LEFT, Set.of())) {
            for (LocalDate day = due.dueOn(); !day.isAfter(due.windowClosesOn()); day = day.plusDays(1)) {
                assertThat(left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", day, muchLater, NOW).followUp())
                        .as("%s on %s", due.followUp(), day).isEqualTo(due.followUp());
            }
            assertThat(left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", due.dueOn().minusDays(1), muchLater, NOW).followUp())
                    .isNotEqualTo(due.followUp());
            assertThat(left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", due.windowClosesOn().plusDays(1), muchLater, NOW)
                    .followUp()).isNotEqualTo(due.followUp());
        }
    }

    @Test
    void a_follow_up_due_on_the_day_given_as_before_is_not_listed() {
        assertThat(left.followUpsDue(PROJECT, LEFT.plusDays(90), LEFT, Set.of())).extracting(FollowUpDue::followUp)
                .containsExactly(UPON_LEAVING);
    }

    @Test
    void a_missed_window_drops_off_the_list_the_day_after_it_closes() {
        assertThat(left.followUpsDue(PROJECT, LEFT.plusYears(1), LEFT.plusDays(28), Set.of())).extracting(FollowUpDue::followUp)
                .containsExactly(UPON_LEAVING, DAYS_90, MONTHS_6);
        assertThat(left.followUpsDue(PROJECT, LEFT.plusYears(1), LEFT.plusDays(29), Set.of())).extracting(FollowUpDue::followUp)
                .containsExactly(DAYS_90, MONTHS_6);
    }

    @Test
    void a_follow_up_with_an_outcome_recorded_at_its_point_is_not_due() {
        assertThat(left.followUpsDue(PROJECT, LEFT.plusYears(1), LEFT, Set.of(UPON_LEAVING, MONTHS_6)))
                .extracting(FollowUpDue::followUp).containsExactly(DAYS_90);
    }

    @Test
    void nobody_still_taking_part_or_erased_has_a_follow_up_due() {
        Participant erased = new Participant(UUID.randomUUID(), PROJECT.id(), ENROLLED, LEFT, true);

        assertThat(stillTakingPart.followUpsDue(PROJECT, LEFT.plusYears(1), LEFT, Set.of())).isEmpty();
        assertThat(erased.followUpsDue(PROJECT, LEFT.plusYears(1), LEFT, Set.of())).isEmpty();
    }

    @Test
    void a_retracted_outcome_retracts_once() {
        Outcome outcome = Outcome.recorded(left.record(PROJECT, UUID.randomUUID(), "EMPLOYED", LEFT, TODAY, NOW));
        Outcome retracted = new Outcome(outcome.id(), outcome.participantId(), outcome.projectId(), outcome.type(),
                outcome.date(), outcome.followUp(), true);

        assertThat(outcome.retract(NOW)).hasValueSatisfying(event -> assertThat(event.outcomeId()).isEqualTo(outcome.id()));
        assertThat(retracted.retract(NOW)).isEmpty();
    }
}
