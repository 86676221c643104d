package se.stegvis.participant.participants.adapter.out.messaging;

import org.apache.avro.specific.SpecificRecord;

import se.stegvis.events.DeclarableAnswer;
import se.stegvis.events.EducationLevel;
import se.stegvis.events.Gender;
import se.stegvis.events.LabourMarketStatus;
import se.stegvis.events.LeavingReason;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.participant.participants.domain.EntryData;
import se.stegvis.participant.participants.domain.ParticipantEvent;

/** A participant's domain event as the Avro event on stegvis.participants.v1; nothing personal can reach it. */
public final class ParticipantEvents {

    private ParticipantEvents() {
    }

    public static SpecificRecord toAvro(ParticipantEvent event) {
        if (event instanceof ParticipantEvent.Enrolled e) {
            return new ParticipantEnrolled(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(), entryData(e.entryData()));
        }
        if (event instanceof ParticipantEvent.EntryDataCorrected e) {
            return new ParticipantEntryDataCorrected(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(),
                    entryData(e.entryData()));
        }
        if (event instanceof ParticipantEvent.Left e) {
            return new ParticipantLeft(e.eventId(), e.occurredAt(), e.projectId(), e.participantId(), e.leftOn(),
                    LeavingReason.valueOf(e.reason().name()));
        }
        ParticipantEvent.Erased e = (ParticipantEvent.Erased) event;
        return new ParticipantErased(e.eventId(), e.occurredAt(), e.projectId(), e.participantId());
    }

    private static se.stegvis.events.EntryData entryData(EntryData data) {
        return se.stegvis.events.EntryData.newBuilder()
                .setEnrolledOn(data.enrolledOn()).setTargetGroup(data.targetGroup())
                .setGender(Gender.valueOf(data.gender().name())).setAgeAtEntry(data.ageAtEntry())
                .setLabourMarketStatus(LabourMarketStatus.valueOf(data.labourMarketStatus().name()))
                .setEducationLevel(EducationLevel.valueOf(data.educationLevel().name()))
                .setDisability(DeclarableAnswer.valueOf(data.disability().name()))
                .setMinority(DeclarableAnswer.valueOf(data.minority().name()))
                .setThirdCountryNational(data.thirdCountryNational()).setForeignBackground(data.foreignBackground())
                .setHomeless(data.homeless()).setRuralArea(data.ruralArea())
                .build();
    }
}
