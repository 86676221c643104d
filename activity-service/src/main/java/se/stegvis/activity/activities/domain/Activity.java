package se.stegvis.activity.activities.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One activity a participant took part in. Retracting it keeps it, marked, so a repeated retraction is recognised
 * and causes no second event.
 */
public record Activity(UUID id, UUID participantId, String projectId, String type, LocalDate date, BigDecimal hours,
        boolean retracted) {

    public static Activity recorded(ActivityEvent.Recorded event) {
        return new Activity(event.activityId(), event.participantId(), event.projectId(), event.type(), event.date(),
                event.hours(), false);
    }

    /** The retraction, or nothing when it was retracted already: retracting is idempotent. */
    public Optional<ActivityEvent.Retracted> retract(Instant now) {
        if (retracted) {
            return Optional.empty();
        }
        return Optional.of(new ActivityEvent.Retracted(UUID.randomUUID(), now, participantId, projectId, id));
    }

    public Activity withRetraction() {
        return new Activity(id, participantId, projectId, type, date, hours, true);
    }

    /** Whether a request asks for exactly this activity, as a retry with the same Idempotency-Key must. */
    public boolean sameAs(UUID participant, ActivityFacts facts) {
        return participantId.equals(participant) && type.equals(facts.type()) && date.equals(facts.date())
                && facts.hours() != null && hours.compareTo(facts.hours()) == 0;
    }
}
