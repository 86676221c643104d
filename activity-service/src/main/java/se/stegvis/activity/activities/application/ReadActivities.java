package se.stegvis.activity.activities.application;

import java.util.List;
import java.util.UUID;

import se.stegvis.activity.activities.domain.Activity;

/** Lists a participant's current activities; the participant must be known here and not erased. */
public class ReadActivities {

    private final Activities activities;
    private final ParticipantLookup participants;

    public ReadActivities(Activities activities, Participations participations) {
        this.activities = activities;
        this.participants = new ParticipantLookup(participations);
    }

    public List<Activity> currentOf(UUID participantId) {
        participants.current(participantId);
        return activities.currentOf(participantId);
    }
}
