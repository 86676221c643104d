package se.stegvis.activity.activities.application;

import java.util.List;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.NotFound;

/**
 * Lists a participant's current activities, for STAFF of the participant's project; the participant must be known
 * here and not erased.
 */
public class ReadActivities {

    private final Activities activities;
    private final ParticipantLookup participants;

    public ReadActivities(Activities activities, Participations participations) {
        this.activities = activities;
        this.participants = new ParticipantLookup(participations);
    }

    /** The activity a Location header names; a retracted one is gone. */
    public Activity one(Caller caller, UUID activityId) {
        Activity activity = activities.find(activityId).filter(found -> caller.isStaffOf(found.projectId())).orElseThrow(() -> new NotFound("activity", activityId.toString()));
        if (activity.retracted()) {
            throw new Gone("activity", activityId.toString());
        }
        return activity;
    }

    public List<Activity> currentOf(Caller caller, UUID participantId) {
        participants.current(caller, participantId);
        return activities.currentOf(participantId);
    }
}
