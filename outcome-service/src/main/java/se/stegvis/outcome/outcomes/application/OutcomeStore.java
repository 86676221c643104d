package se.stegvis.outcome.outcomes.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;

/** Where outcomes are kept. Each change is one single-document write that carries its event to the outbox. */
public interface OutcomeStore {

    /** Throws IdempotencyKeyTaken when another request got in first with the same key (null for none). */
    void add(OutcomeEvent.Recorded recorded, String idempotencyKey);

    /** The outcome first recorded under this Idempotency-Key. */
    Optional<Outcome> byIdempotencyKey(String key);

    Optional<Outcome> find(UUID outcomeId);

    /**
     * Marks the outcome retracted and stores the event in the same write, unless it is retracted already; answers
     * whether this call retracted it, so two concurrent retractions publish one event.
     */
    boolean retract(OutcomeEvent.Retracted retracted);

    /** The participants' outcomes that are not retracted. */
    List<Outcome> currentOf(Collection<UUID> participantIds);
}
