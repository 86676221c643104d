package se.stegvis.outcome.outcomes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.DAYS_90;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.MONTHS_6;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.UPON_LEAVING;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;
import se.stegvis.service.command.NotKnownYet;

/** Recording and retracting against fakes: what is stored, what goes to the outbox, what is signalled. */
class OutcomeCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-15T08:00:00Z"), ZoneOffset.UTC);
    private static final Project PROJECT = new Project("99-000-T01", List.of("STEP_FORWARD"), Set.of(UPON_LEAVING, DAYS_90, MONTHS_6));
    private static final LocalDate LEFT = LocalDate.of(2025, 7, 20);

    private final Participant participant = new Participant(UUID.randomUUID(), PROJECT.id(), LocalDate.of(2025, 2, 3), LEFT, false);
    private final Fakes.KnownFacts facts = new Fakes.KnownFacts().with(PROJECT).with(participant);
    private final Fakes.StoredOutcomes store = new Fakes.StoredOutcomes();
    private final List<String> signalled = new ArrayList<>();
    private final RecordOutcome record = new RecordOutcome(facts, store, signalled::add, CLOCK);
    private final RetractOutcome retract = new RetractOutcome(store, signalled::add, CLOCK);

    @Test
    void a_recorded_outcome_is_stored_with_its_event_and_the_relay_is_signalled() {
        OutcomeEvent.Recorded recorded = record.record(participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1));

        assertThat(recorded.followUp()).isEqualTo(UPON_LEAVING);
        assertThat(store.outbox).containsExactly(recorded);
        assertThat(signalled).containsExactly(recorded.outcomeId().toString());
    }

    @Test
    void a_participant_not_in_the_replica_yet_is_not_known_yet_and_nothing_is_stored() {
        assertThatThrownBy(() -> record.record(UUID.randomUUID(), "EMPLOYED", LEFT)).isInstanceOf(NotKnownYet.class);
        assertThat(store.outbox).isEmpty();
        assertThat(signalled).isEmpty();
    }

    @Test
    void a_participant_whose_project_has_not_arrived_yet_is_worth_a_retry_too() {
        Participant elsewhere = new Participant(UUID.randomUUID(), "99-000-T02", LEFT, null, false);
        facts.with(elsewhere);

        assertThatThrownBy(() -> record.record(elsewhere.id(), "EMPLOYED", LEFT)).isInstanceOfSatisfying(NotKnownYet.class,
                e -> assertThat(e.kind()).isEqualTo("project"));
    }

    @Test
    void an_erased_participant_is_gone_and_nothing_is_stored() {
        Participant erased = new Participant(UUID.randomUUID(), PROJECT.id(), LEFT, LEFT, true);
        facts.with(erased);

        assertThatThrownBy(() -> record.record(erased.id(), "EMPLOYED", LEFT)).isInstanceOf(Gone.class);
        assertThat(store.outbox).isEmpty();
    }

    @Test
    void a_refused_outcome_stores_and_signals_nothing() {
        assertThatThrownBy(() -> record.record(participant.id(), "UNHEARD_OF", LEFT)).isInstanceOf(InvalidCommand.class);
        assertThat(store.outcomes).isEmpty();
        assertThat(signalled).isEmpty();
    }

    @Test
    void retracting_twice_stores_one_retraction() {
        OutcomeEvent.Recorded recorded = record.record(participant.id(), "STEP_FORWARD", LocalDate.of(2025, 9, 1));

        retract.retract(recorded.outcomeId());
        retract.retract(recorded.outcomeId());

        assertThat(store.outbox).hasSize(2).last().isInstanceOfSatisfying(OutcomeEvent.Retracted.class,
                event -> assertThat(event.participantId()).isEqualTo(participant.id()));
        assertThat(signalled).hasSize(2);
        assertThat(store.find(recorded.outcomeId())).hasValueSatisfying(o -> assertThat(o.retracted()).isTrue());
    }

    @Test
    void retracting_an_unknown_outcome_is_not_found() {
        assertThatThrownBy(() -> retract.retract(UUID.randomUUID())).isInstanceOf(NotFound.class);
    }
}
