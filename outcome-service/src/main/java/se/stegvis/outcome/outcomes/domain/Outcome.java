package se.stegvis.outcome.outcomes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An outcome recorded for a participant. Its follow-up point was worked out when it was recorded and is kept: a
 * leaving date that arrives or changes later does not move it.
 */
public record Outcome(UUID id, UUID participantId, String projectId, String type, LocalDate date, FollowUpPoint followUp,
        boolean retracted) {

    public static Outcome recorded(OutcomeEvent.Recorded event) {
        return new Outcome(event.outcomeId(), event.participantId(), event.projectId(), event.type(), event.date(),
                event.followUp(), false);
    }

    /** Whether recording this type at this date for this participant asks for this very outcome. */
    public boolean sameAs(UUID participant, String otherType, LocalDate otherDate) {
        return participantId.equals(participant) && type.equals(otherType) && Objects.equals(date, otherDate);
    }

    /** The event that retracts it, or none if it was retracted already: retracting twice publishes once. */
    public Optional<OutcomeEvent.Retracted> retract(Instant now) {
        if (retracted) {
            return Optional.empty();
        }
        return Optional.of(new OutcomeEvent.Retracted(UUID.randomUUID(), now, participantId, projectId, id));
    }
}
