package se.stegvis.outcome.outcomes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.DAYS_90;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.MONTHS_6;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.UPON_LEAVING;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.outcome.outcomes.domain.FollowUpDue;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;
import se.stegvis.service.command.NotFound;

class ListFollowUpsDueTest {

    /** STAFF of the projects these tests use. */
    private static final Caller STAFF = new Caller("staff-1", Set.of(),
            Map.of("99-000-T01", ProjectRole.STAFF, "99-000-T02", ProjectRole.STAFF));

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 15);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Project PROJECT = new Project("99-000-T01", List.of(), Set.of(UPON_LEAVING, DAYS_90, MONTHS_6));

    private final Fakes.KnownFacts facts = new Fakes.KnownFacts().with(PROJECT);
    private final Fakes.StoredOutcomes store = new Fakes.StoredOutcomes();
    private final ListFollowUpsDue list = new ListFollowUpsDue(facts, store, CLOCK);
    private final RecordOutcome record = new RecordOutcome(facts, store, id -> { }, CLOCK);
    private final RetractOutcome retract = new RetractOutcome(store, id -> { }, CLOCK);

    private Participant leftOn(LocalDate day) {
        Participant participant = new Participant(UUID.randomUUID(), PROJECT.id(), LocalDate.of(2025, 1, 7), day, false);
        facts.with(participant);
        return participant;
    }

    @Test
    void the_follow_ups_of_every_participant_who_left_come_earliest_first() {
        Participant leftLongAgo = leftOn(TODAY.minusDays(100));
        Participant leftLastWeek = leftOn(TODAY.minusDays(7));
        facts.with(new Participant(UUID.randomUUID(), PROJECT.id(), LocalDate.of(2025, 1, 7), null, false));

        List<FollowUpDue> due = list.dueBefore(STAFF, PROJECT.id(), TODAY.plusDays(1));

        assertThat(due).extracting(FollowUpDue::participantId, FollowUpDue::followUp).containsExactly(
                tuple(leftLongAgo.id(), DAYS_90),
                tuple(leftLastWeek.id(), UPON_LEAVING));
    }

    @Test
    void a_recorded_outcome_takes_the_participant_off_the_list_and_its_retraction_puts_them_back() {
        Participant participant = leftOn(TODAY.minusDays(3));
        OutcomeEvent.Recorded recorded = record.record(STAFF, participant.id(), "EMPLOYED", TODAY);
        assertThat(list.dueBefore(STAFF, PROJECT.id(), TODAY.plusDays(1))).isEmpty();

        retract.retract(STAFF, recorded.outcomeId());

        assertThat(list.dueBefore(STAFF, PROJECT.id(), TODAY.plusDays(1))).extracting(FollowUpDue::participantId)
                .containsExactly(participant.id());
    }

    @Test
    void an_outcome_at_another_point_leaves_the_follow_up_due() {
        Participant participant = leftOn(TODAY.minusDays(10));
        record.record(STAFF, participant.id(), "EMPLOYED", TODAY);

        assertThat(list.dueBefore(STAFF, PROJECT.id(), TODAY.plusYears(1))).extracting(FollowUpDue::followUp)
                .containsExactly(DAYS_90, MONTHS_6);
    }

    @Test
    void an_unknown_project_is_not_found() {
        assertThatThrownBy(() -> list.dueBefore(STAFF, "00-000-X00", TODAY)).isInstanceOf(NotFound.class);
    }
}
