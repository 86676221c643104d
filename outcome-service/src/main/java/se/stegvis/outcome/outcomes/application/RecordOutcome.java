package se.stegvis.outcome.outcomes.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.service.command.EventsPending;

/** Records an outcome for a participant known here, at the follow-up point its date falls in. */
public class RecordOutcome {

    private static final Logger log = LoggerFactory.getLogger(RecordOutcome.class);

    private final ParticipantFacts facts;
    private final OutcomeStore store;
    private final EventsPending eventsPending;
    private final Clock clock;

    public RecordOutcome(ParticipantFacts facts, OutcomeStore store, EventsPending eventsPending, Clock clock) {
        this.facts = facts;
        this.store = store;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /** Records a new outcome, without an Idempotency-Key. */
    public OutcomeEvent.Recorded record(Caller caller, UUID participantId, String type, LocalDate date) {
        return recordNew(facts.recordable(caller, participantId), type, date, null);
    }

    /**
     * The outcome recorded. A retry with the same Idempotency-Key (null for none) is answered with the first one,
     * also when it raced the first request and lost at the store's unique index.
     */
    public Outcome record(Caller caller, UUID participantId, String type, LocalDate date, String idempotencyKey) {
        Participant participant = facts.recordable(caller, participantId);
        Optional<Outcome> replayed = replay(idempotencyKey, participantId, type, date);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        try {
            return Outcome.recorded(recordNew(participant, type, date, idempotencyKey));
        } catch (IdempotencyKeyTaken raced) {
            return replay(idempotencyKey, participantId, type, date).orElseThrow(() -> raced);
        }
    }

    /** The participant as read once for this command (each read is a round trip to the replica's store). */
    private OutcomeEvent.Recorded recordNew(Participant participant, String type, LocalDate date, String idempotencyKey) {
        OutcomeEvent.Recorded recorded = participant.record(facts.projectOf(participant), UUID.randomUUID(), type, date,
                LocalDate.now(clock), clock.instant());
        store.add(recorded, idempotencyKey);
        eventsPending.signal(recorded.outcomeId().toString());
        log.info("Recorded outcome {} for participant {} at {}", recorded.outcomeId(), participant.id(), recorded.followUp());
        return recorded;
    }

    private Optional<Outcome> replay(String idempotencyKey, UUID participantId, String type, LocalDate date) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return store.byIdempotencyKey(idempotencyKey).map(first -> {
            if (!first.sameAs(participantId, type, date)) {
                throw new IdempotencyKeyReused();
            }
            return first;
        });
    }
}
