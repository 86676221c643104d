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
import java.util.Map;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;
import se.stegvis.service.command.NotKnownYet;

/** Recording and retracting against fakes: what is stored, what goes to the outbox, what is signalled. */
class OutcomeCommandsTest {

    /** STAFF of the projects these tests use. */
    private static final Caller STAFF = new Caller("staff-1", Set.of(),
            Map.of("99-000-T01", ProjectRole.STAFF, "99-000-T02", ProjectRole.STAFF));

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
        OutcomeEvent.Recorded recorded = record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1));

        assertThat(recorded.followUp()).isEqualTo(UPON_LEAVING);
        assertThat(store.outbox).containsExactly(recorded);
        assertThat(signalled).containsExactly(recorded.outcomeId().toString());
    }

    @Test
    void a_command_reads_its_participant_from_the_replica_once() {
        record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-1");
        assertThat(facts.participantReads).as("with an Idempotency-Key").isEqualTo(1);

        record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 2));
        assertThat(facts.participantReads).as("and without").isEqualTo(2);
    }

    @Test
    void a_participant_not_in_the_replica_yet_is_not_known_yet_and_nothing_is_stored() {
        assertThatThrownBy(() -> record.record(STAFF, UUID.randomUUID(), "EMPLOYED", LEFT)).isInstanceOf(NotKnownYet.class);
        assertThat(store.outbox).isEmpty();
        assertThat(signalled).isEmpty();
    }

    @Test
    void a_participant_whose_project_has_not_arrived_yet_is_worth_a_retry_too() {
        Participant elsewhere = new Participant(UUID.randomUUID(), "99-000-T02", LEFT, null, false);
        facts.with(elsewhere);

        assertThatThrownBy(() -> record.record(STAFF, elsewhere.id(), "EMPLOYED", LEFT)).isInstanceOfSatisfying(NotKnownYet.class,
                e -> assertThat(e.kind()).isEqualTo("project"));
    }

    @Test
    void an_erased_participant_is_gone_and_nothing_is_stored() {
        Participant erased = new Participant(UUID.randomUUID(), PROJECT.id(), LEFT, LEFT, true);
        facts.with(erased);

        assertThatThrownBy(() -> record.record(STAFF, erased.id(), "EMPLOYED", LEFT)).isInstanceOf(Gone.class);
        assertThat(store.outbox).isEmpty();
    }

    @Test
    void a_refused_outcome_stores_and_signals_nothing() {
        assertThatThrownBy(() -> record.record(STAFF, participant.id(), "UNHEARD_OF", LEFT)).isInstanceOf(InvalidCommand.class);
        assertThat(store.outcomes).isEmpty();
        assertThat(signalled).isEmpty();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_outcome_and_stores_and_publishes_nothing_more() {
        Outcome first = record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-1");

        Outcome retried = record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-1");

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(retried.followUp()).isEqualTo(UPON_LEAVING);
        assertThat(store.outcomes).hasSize(1);
        assertThat(store.outbox).hasSize(1);
        assertThat(signalled).containsExactly(first.id().toString());
    }

    @Test
    void the_same_idempotency_key_with_another_outcome_is_refused_and_nothing_is_stored_or_published() {
        Outcome first = record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-2");

        assertThatThrownBy(() -> record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 2), "key-2"))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThatThrownBy(() -> record.record(STAFF, participant.id(), "JOB_SEARCHING", LocalDate.of(2025, 8, 1), "key-2"))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(store.outcomes).containsOnlyKeys(first.id());
        assertThat(store.outbox).hasSize(1);
        assertThat(signalled).containsExactly(first.id().toString());
    }

    @Test
    void outcomes_without_a_key_or_under_different_keys_are_each_recorded() {
        record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), null);
        record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), null);
        record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-3");
        record.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-4");

        assertThat(store.outbox).hasSize(4);
    }

    @Test
    void a_retry_that_loses_the_race_to_its_own_first_request_is_answered_with_the_first_outcome() {
        Outcome first = new Outcome(UUID.randomUUID(), participant.id(), PROJECT.id(), "EMPLOYED", LocalDate.of(2025, 8, 1),
                UPON_LEAVING, false);
        RecordOutcome raced = new RecordOutcome(facts, new FirstRequestWinsMeanwhile(first), signalled::add, CLOCK);

        assertThat(raced.record(STAFF, participant.id(), "EMPLOYED", LocalDate.of(2025, 8, 1), "key-5")).isEqualTo(first);
        assertThat(signalled).isEmpty();
    }

    @Test
    void retracting_twice_stores_one_retraction() {
        OutcomeEvent.Recorded recorded = record.record(STAFF, participant.id(), "STEP_FORWARD", LocalDate.of(2025, 9, 1));

        retract.retract(STAFF, recorded.outcomeId());
        retract.retract(STAFF, recorded.outcomeId());

        assertThat(store.outbox).hasSize(2).last().isInstanceOfSatisfying(OutcomeEvent.Retracted.class,
                event -> assertThat(event.participantId()).isEqualTo(participant.id()));
        assertThat(signalled).hasSize(2);
        assertThat(store.find(recorded.outcomeId())).hasValueSatisfying(o -> assertThat(o.retracted()).isTrue());
    }

    @Test
    void retracting_an_unknown_outcome_is_not_found() {
        assertThatThrownBy(() -> retract.retract(STAFF, UUID.randomUUID())).isInstanceOf(NotFound.class);
    }

    /** Finds nothing before the write; the write is refused because the first request stored its outcome meanwhile. */
    private static final class FirstRequestWinsMeanwhile implements OutcomeStore {

        private final Outcome first;
        private boolean looked;

        FirstRequestWinsMeanwhile(Outcome first) {
            this.first = first;
        }

        @Override
        public Optional<Outcome> byIdempotencyKey(String key) {
            if (!looked) {
                looked = true;
                return Optional.empty();
            }
            return Optional.of(first);
        }

        @Override
        public void add(OutcomeEvent.Recorded recorded, String idempotencyKey) {
            throw new IdempotencyKeyTaken();
        }

        @Override
        public Optional<Outcome> find(UUID outcomeId) {
            return Optional.empty();
        }

        @Override
        public boolean retract(OutcomeEvent.Retracted retracted) {
            return false;
        }

        @Override
        public List<Outcome> currentOf(Collection<UUID> participantIds) {
            return List.of();
        }
    }
}
