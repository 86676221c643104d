package se.stegvis.activity.activities.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.activity.activities.domain.ActivityFacts;
import se.stegvis.activity.activities.domain.Participation;
import se.stegvis.service.command.EventsPending;

/**
 * Records an activity for a participant the replica knows, for STAFF of the participant's project: validated,
 * stored with its event in one write.
 */
public class RecordActivity {

    private final Activities activities;
    private final ParticipantLookup participants;
    private final EventsPending eventsPending;
    private final Clock clock;

    public RecordActivity(Activities activities, Participations participations, EventsPending eventsPending, Clock clock) {
        this.activities = activities;
        this.participants = new ParticipantLookup(participations);
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /**
     * The new activity's id. A retry with the same Idempotency-Key (null for none) is answered with the first one's
     * id, also when it raced the first request and lost at the store's unique index.
     */
    public UUID record(Caller caller, UUID participantId, ActivityFacts facts, String idempotencyKey) {
        Participation participation = participants.current(caller, participantId);
        Optional<UUID> replayed = replay(idempotencyKey, participantId, facts);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        ActivityEvent.Recorded event = participation.record(UUID.randomUUID(), facts, LocalDate.now(clock), clock.instant());
        try {
            activities.add(Activity.recorded(event), event, idempotencyKey);
        } catch (IdempotencyKeyTaken raced) {
            return replay(idempotencyKey, participantId, facts).orElseThrow(() -> raced);
        }
        eventsPending.signal(event.activityId().toString());
        return event.activityId();
    }

    private Optional<UUID> replay(String idempotencyKey, UUID participantId, ActivityFacts facts) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return activities.byIdempotencyKey(idempotencyKey).map(first -> {
            if (!first.sameAs(participantId, facts)) {
                throw new IdempotencyKeyReused();
            }
            return first.id();
        });
    }
}
