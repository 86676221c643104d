package se.stegvis.outcome.outcomes.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.command.NotFound;

/** Retracts a recorded outcome so it no longer counts. Retracting it again changes nothing and publishes nothing. */
public class RetractOutcome {

    private static final Logger log = LoggerFactory.getLogger(RetractOutcome.class);

    private final OutcomeStore store;
    private final EventsPending eventsPending;
    private final Clock clock;

    public RetractOutcome(OutcomeStore store, EventsPending eventsPending, Clock clock) {
        this.store = store;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /** For STAFF of the outcome's project; to anyone else it does not exist. */
    public void retract(Caller caller, UUID outcomeId) {
        Outcome outcome = store.find(outcomeId).filter(found -> caller.isStaffOf(found.projectId())).orElseThrow(() -> new NotFound("outcome", outcomeId.toString()));
        Optional<OutcomeEvent.Retracted> retracted = outcome.retract(clock.instant());
        if (retracted.isPresent() && store.retract(retracted.get())) {
            eventsPending.signal(outcomeId.toString());
            log.info("Retracted outcome {} of participant {}", outcomeId, outcome.participantId());
        }
    }
}
