package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;

/** The events about one participant, from the participants, activities and outcomes topics. */
public sealed interface ParticipantEvent extends ProjectionEvent {

    String participantId();

    record Enrolled(String eventId, Instant occurredAt, String projectId, String participantId, EntryFacts entry)
            implements ParticipantEvent {
    }

    record EntryCorrected(String eventId, Instant occurredAt, String projectId, String participantId, EntryFacts entry)
            implements ParticipantEvent {
    }

    record Left(String eventId, Instant occurredAt, String projectId, String participantId, LocalDate leftOn)
            implements ParticipantEvent {
    }

    record Erased(String eventId, Instant occurredAt, String projectId, String participantId) implements ParticipantEvent {
    }

    record ActivityRecorded(String eventId, Instant occurredAt, String projectId, String participantId,
                            RecordedActivity activity) implements ParticipantEvent {
    }

    record ActivityRetracted(String eventId, Instant occurredAt, String projectId, String participantId, String activityId)
            implements ParticipantEvent {
    }

    record OutcomeRecorded(String eventId, Instant occurredAt, String projectId, String participantId,
                           RecordedOutcome outcome) implements ParticipantEvent {
    }

    record OutcomeRetracted(String eventId, Instant occurredAt, String projectId, String participantId, String outcomeId)
            implements ParticipantEvent {
    }
}
