package se.stegvis.participant.participants.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to a participant. Each event's id is fixed when the command is accepted. */
public sealed interface ParticipantEvent {

    UUID eventId();

    Instant occurredAt();

    UUID participantId();

    String projectId();

    record Enrolled(UUID eventId, Instant occurredAt, UUID participantId, String projectId, EntryData entryData)
            implements ParticipantEvent {
    }

    record EntryDataCorrected(UUID eventId, Instant occurredAt, UUID participantId, String projectId, EntryData entryData)
            implements ParticipantEvent {
    }

    record Left(UUID eventId, Instant occurredAt, UUID participantId, String projectId, LocalDate leftOn, LeavingReason reason)
            implements ParticipantEvent {
    }

    record Erased(UUID eventId, Instant occurredAt, UUID participantId, String projectId) implements ParticipantEvent {
    }
}
