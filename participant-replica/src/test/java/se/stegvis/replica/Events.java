package se.stegvis.replica;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.stegvis.events.EntryData;
import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.LeavingReason;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.schemas.SampleEvents;

/** Events of invented projects and participants, at times the test chooses (minutes after a fixed instant). */
final class Events {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private Events() {
    }

    static Instant minute(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    static String newProjectId() {
        return "99-" + UUID.randomUUID().toString().substring(0, 6) + "-T01";
    }

    static ProjectDefined projectDefined(String projectId, int minute, String... activityTypes) {
        return ProjectDefined.newBuilder(SampleEvents.projectDefined()).setEventId(UUID.randomUUID())
                .setOccurredAt(minute(minute)).setProjectId(projectId).setActivityTypes(List.of(activityTypes))
                .setFollowUpPoints(List.of(FollowUpPoint.UPON_LEAVING, FollowUpPoint.DAYS_90)).build();
    }

    static ParticipantEnrolled enrolled(String projectId, UUID participantId, LocalDate enrolledOn, int minute) {
        return new ParticipantEnrolled(UUID.randomUUID(), minute(minute), projectId, participantId,
                EntryData.newBuilder(SampleEvents.entryData()).setEnrolledOn(enrolledOn).build());
    }

    static ParticipantEntryDataCorrected corrected(String projectId, UUID participantId, LocalDate enrolledOn, int minute) {
        return new ParticipantEntryDataCorrected(UUID.randomUUID(), minute(minute), projectId, participantId,
                EntryData.newBuilder(SampleEvents.entryData()).setEnrolledOn(enrolledOn).build());
    }

    static ParticipantLeft left(String projectId, UUID participantId, LocalDate leftOn, int minute) {
        return new ParticipantLeft(UUID.randomUUID(), minute(minute), projectId, participantId, leftOn, LeavingReason.COMPLETED);
    }

    static ParticipantErased erased(String projectId, UUID participantId, int minute) {
        return new ParticipantErased(UUID.randomUUID(), minute(minute), projectId, participantId);
    }
}
