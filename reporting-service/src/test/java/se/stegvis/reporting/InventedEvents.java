package se.stegvis.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.EntryData;
import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.Gender;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.Target;
import se.stegvis.events.TargetUnit;
import se.stegvis.schemas.SampleEvents;

/** Events of invented projects and participants, built from the schemas' samples. */
final class InventedEvents {

    static final Instant AT = Instant.parse("2025-03-01T09:30:00Z");

    private InventedEvents() {
    }

    /** A project with a participants target, a work-or-studies target with a 50/50 balance and a PERCENT one. */
    static ProjectDefined project(String projectId, String name) {
        return ProjectDefined.newBuilder(SampleEvents.projectDefined()).setEventId(UUID.randomUUID()).setProjectId(projectId)
                .setName(name).setTargets(List.of(
                        Target.newBuilder().setCode("participants").setTarget(40).build(),
                        Target.newBuilder().setCode("work-or-studies").setTarget(20)
                                .setOutcomeTypes(List.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"))
                                .setGenderShares(Map.of("WOMAN", 50, "MAN", 50)).build(),
                        Target.newBuilder().setCode("guided-share").setTarget(100).setUnit(TargetUnit.PERCENT)
                                .setActivityTypes(List.of("DIGITAL_GUIDANCE")).build()))
                .build();
    }

    static ParticipantEnrolled enrolled(String projectId, UUID participant, Gender gender, int age) {
        EntryData entry = EntryData.newBuilder(SampleEvents.entryData()).setGender(gender).setAgeAtEntry(age).build();
        return new ParticipantEnrolled(UUID.randomUUID(), AT, projectId, participant, entry);
    }

    /** The participant's entry data as corrected later: the age at entry changed, the rest as enrolled. */
    static ParticipantEntryDataCorrected corrected(String projectId, UUID participant, Gender gender, int age) {
        EntryData entry = EntryData.newBuilder(SampleEvents.entryData()).setGender(gender).setAgeAtEntry(age).build();
        return new ParticipantEntryDataCorrected(UUID.randomUUID(), AT.plusSeconds(300), projectId, participant, entry);
    }

    static ActivityRecorded guided(String projectId, UUID participant) {
        return activity(projectId, participant, "DIGITAL_GUIDANCE");
    }

    static ActivityRecorded activity(String projectId, UUID participant, String type) {
        return new ActivityRecorded(UUID.randomUUID(), AT.plusSeconds(60), projectId, participant, UUID.randomUUID(),
                type, LocalDate.of(2025, 3, 10), 1.5);
    }

    static OutcomeRecorded employed(String projectId, UUID participant) {
        return outcome(projectId, participant, "EMPLOYED");
    }

    /** An outcome of the type upon leaving. */
    static OutcomeRecorded outcome(String projectId, UUID participant, String type) {
        return new OutcomeRecorded(UUID.randomUUID(), AT.plusSeconds(120), projectId, participant, UUID.randomUUID(), type,
                LocalDate.of(2025, 8, 1), FollowUpPoint.UPON_LEAVING);
    }
}
