package se.stegvis.activity.activities.adapter.out.messaging;

import org.apache.avro.specific.SpecificRecord;

import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;

/** An activity's domain event as the Avro event on stegvis.activities.v1: ids, project, type, date and hours only. */
public final class ActivityEvents {

    private ActivityEvents() {
    }

    public static SpecificRecord toAvro(ActivityEvent event) {
        if (event instanceof ActivityEvent.Recorded e) {
            return new ActivityRecorded(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(), e.activityId(),
                    e.type(), e.date(), e.hours().doubleValue());
        }
        ActivityEvent.Retracted e = (ActivityEvent.Retracted) event;
        return new ActivityRetracted(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(), e.activityId());
    }
}
