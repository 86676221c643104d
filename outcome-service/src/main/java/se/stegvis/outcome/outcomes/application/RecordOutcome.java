package se.stegvis.outcome.outcomes.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    public OutcomeEvent.Recorded record(UUID participantId, String type, LocalDate date) {
        Participant participant = facts.recordable(participantId);
        OutcomeEvent.Recorded recorded = participant.record(facts.projectOf(participant), UUID.randomUUID(), type, date,
                LocalDate.now(clock), clock.instant());
        store.add(recorded);
        eventsPending.signal(recorded.outcomeId().toString());
        log.info("Recorded outcome {} for participant {} at {}", recorded.outcomeId(), participantId, recorded.followUp());
        return recorded;
    }
}
