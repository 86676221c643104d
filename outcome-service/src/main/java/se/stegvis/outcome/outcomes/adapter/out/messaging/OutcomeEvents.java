package se.stegvis.outcome.outcomes.adapter.out.messaging;

import org.apache.avro.specific.SpecificRecord;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;

/** An outcome's domain event as the Avro event on stegvis.outcomes.v1. */
public final class OutcomeEvents {

    private OutcomeEvents() {
    }

    public static SpecificRecord toAvro(OutcomeEvent event) {
        if (event instanceof OutcomeEvent.Recorded e) {
            return new OutcomeRecorded(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(), e.outcomeId(), e.type(),
                    e.date(), FollowUpPoint.valueOf(e.followUp().name()));
        }
        OutcomeEvent.Retracted e = (OutcomeEvent.Retracted) event;
        return new OutcomeRetracted(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(), e.outcomeId());
    }
}
