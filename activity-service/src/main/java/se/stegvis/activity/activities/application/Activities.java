package se.stegvis.activity.activities.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;

/** Where activities are kept: each one's state with the events it causes, in one single-document write. */
public interface Activities {

    Optional<Activity> find(UUID activityId);

    /** The participant's activities that are not retracted, oldest date first. */
    List<Activity> currentOf(UUID participantId);

    /** The activity first recorded under this Idempotency-Key. */
    Optional<Activity> byIdempotencyKey(String key);

    /** Throws IdempotencyKeyTaken when another request got in first with the same key. */
    void add(Activity activity, ActivityEvent.Recorded event, String idempotencyKey);

    /** Marks it retracted with its event, unless it already is; answers whether this call did it. */
    boolean retract(Activity retracted, ActivityEvent.Retracted event);
}
