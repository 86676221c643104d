package se.stegvis.activity.activities.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to an activity. Each event's id is fixed when the command is accepted, so a re-send repeats it. */
public sealed interface ActivityEvent {

    UUID eventId();

    Instant occurredAt();

    UUID participantId();

    String projectId();

    UUID activityId();

    record Recorded(UUID eventId, Instant occurredAt, UUID participantId, String projectId, UUID activityId, String type,
            LocalDate date, BigDecimal hours) implements ActivityEvent {
    }

    record Retracted(UUID eventId, Instant occurredAt, UUID participantId, String projectId, UUID activityId)
            implements ActivityEvent {
    }
}
