package se.stegvis.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.events.DeclarableAnswer;
import se.stegvis.events.EducationLevel;
import se.stegvis.events.EntryData;
import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.Gender;
import se.stegvis.events.LabourMarketStatus;
import se.stegvis.events.LeavingReason;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.events.ProjectRole;
import se.stegvis.events.Target;
import se.stegvis.events.TargetGroup;
import se.stegvis.events.TargetUnit;

/** One event of every type, for an invented participant in an invented project. */
public final class SampleEvents {

    public static final String PROJECT_ID = "99-000-T01";
    public static final UUID PARTICIPANT_ID = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a55-2f0e8d3b7c11");
    private static final Instant AT = Instant.parse("2025-03-01T09:30:00Z");

    private SampleEvents() {
    }

    /** Every event type, each on its own topic. */
    public static Map<EventTopic, List<SpecificRecord>> byTopic() {
        return Map.of(
                EventTopic.PROJECTS, List.of(projectDefined()),
                EventTopic.PARTICIPANTS, List.of(enrolled(), corrected(), left(), erased()),
                EventTopic.ACTIVITIES, List.of(activityRecorded(), activityRetracted()),
                EventTopic.OUTCOMES, List.of(outcomeRecorded(), outcomeRetracted()),
                EventTopic.MEMBERSHIPS, List.of(membersChanged()));
    }

    public static ProjectDefined projectDefined() {
        return ProjectDefined.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(AT).setProjectId(PROJECT_ID)
                .setName("Testprojektet").setOwnerName("Exempelkommunen").setOwnerOrganisationNumber(null)
                .setRegionName("Sydsverige").setNuts2("SE22")
                .setPeriodStart(LocalDate.of(2024, 9, 2)).setPeriodEnd(LocalDate.of(2027, 8, 31))
                .setPlannedParticipants(120)
                .setTargetGroups(List.of(new TargetGroup("GANG_DEFECTOR", "Gang defectors")))
                .setActivityTypes(List.of("DIGITAL_GUIDANCE"))
                .setOutcomeTypes(List.of("EMPLOYED", "STEP_FORWARD"))
                .setTargets(List.of(Target.newBuilder().setCode("work-or-studies").setTarget(60)
                        .setUnit(TargetUnit.PARTICIPANTS).setOutcomeTypes(List.of("EMPLOYED"))
                        .setGenderShares(Map.of("WOMAN", 50, "MAN", 50)).build(),
                        Target.newBuilder().setCode("gang-defectors-guided").setTarget(60).setUnit(TargetUnit.PARTICIPANTS)
                                .setActivityTypes(List.of("DIGITAL_GUIDANCE")).setTargetGroup("GANG_DEFECTOR").build()))
                .setFollowUpPoints(List.of(FollowUpPoint.UPON_LEAVING, FollowUpPoint.MONTHS_6))
                .build();
    }

    public static EntryData entryData() {
        return EntryData.newBuilder().setEnrolledOn(LocalDate.of(2025, 2, 3)).setTargetGroup("GANG_DEFECTOR")
                .setGender(Gender.MAN).setAgeAtEntry(27).setLabourMarketStatus(LabourMarketStatus.LONG_TERM_UNEMPLOYED)
                .setEducationLevel(EducationLevel.ISCED_0_2).setDisability(DeclarableAnswer.DECLINED)
                .setMinority(DeclarableAnswer.NO).setThirdCountryNational(false).setForeignBackground(true)
                .setHomeless(false).setRuralArea(false).build();
    }

    public static ParticipantEnrolled enrolled() {
        return new ParticipantEnrolled(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, entryData());
    }

    public static ParticipantEntryDataCorrected corrected() {
        EntryData corrected = EntryData.newBuilder(entryData()).setGender(Gender.NON_BINARY).build();
        return new ParticipantEntryDataCorrected(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, corrected);
    }

    public static ParticipantLeft left() {
        return new ParticipantLeft(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, LocalDate.of(2025, 7, 20),
                LeavingReason.COMPLETED);
    }

    public static ParticipantErased erased() {
        return new ParticipantErased(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID);
    }

    public static ActivityRecorded activityRecorded() {
        return new ActivityRecorded(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, UUID.randomUUID(),
                "DIGITAL_GUIDANCE", LocalDate.of(2025, 2, 10), 1.5);
    }

    public static ActivityRetracted activityRetracted() {
        return new ActivityRetracted(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, UUID.randomUUID());
    }

    public static OutcomeRecorded outcomeRecorded() {
        return new OutcomeRecorded(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, UUID.randomUUID(), "EMPLOYED",
                LocalDate.of(2025, 8, 1), FollowUpPoint.UPON_LEAVING);
    }

    public static OutcomeRetracted outcomeRetracted() {
        return new OutcomeRetracted(UUID.randomUUID(), AT, PROJECT_ID, PARTICIPANT_ID, UUID.randomUUID());
    }

    /** An invented staff member and owner, named by opaque subject ids as an issuer gives them. */
    public static ProjectMembersChanged membersChanged() {
        return new ProjectMembersChanged(UUID.randomUUID(), AT, PROJECT_ID, List.of(
                new ProjectMember("staff-3f9a", ProjectRole.STAFF), new ProjectMember("owner-81c2", ProjectRole.OWNER)));
    }
}
