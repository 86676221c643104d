package se.stegvis.outcome.outcomes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to an outcome. Each event's id is fixed when the command is accepted. */
public sealed interface OutcomeEvent {

    UUID eventId();

    Instant occurredAt();

    UUID participantId();

    String projectId();

    UUID outcomeId();

    record Recorded(UUID eventId, Instant occurredAt, UUID participantId, String projectId, UUID outcomeId, String type,
            LocalDate date, FollowUpPoint followUp) implements OutcomeEvent {
    }

    record Retracted(UUID eventId, Instant occurredAt, UUID participantId, String projectId, UUID outcomeId)
            implements OutcomeEvent {
    }
}
