package se.stegvis.activity.activities.application;

import java.time.Clock;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.command.NotFound;

/**
 * Retracts an activity, for STAFF of its project (to anyone else it does not exist): it stops counting. Retracting
 * it again changes nothing and publishes nothing.
 */
public class RetractActivity {

    private final Activities activities;
    private final EventsPending eventsPending;
    private final Clock clock;

    public RetractActivity(Activities activities, EventsPending eventsPending, Clock clock) {
        this.activities = activities;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    public void retract(Caller caller, UUID activityId) {
        Activity activity = activities.find(activityId).filter(found -> caller.isStaffOf(found.projectId())).orElseThrow(() -> new NotFound("activity", activityId.toString()));
        activity.retract(clock.instant()).ifPresent(event -> store(activity, event));
    }

    /** A concurrent retraction may have won the write; then it signalled, and this one has nothing to publish. */
    private void store(Activity activity, ActivityEvent.Retracted event) {
        if (activities.retract(activity.withRetraction(), event)) {
            eventsPending.signal(activity.id().toString());
        }
    }
}
