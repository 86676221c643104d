package se.stegvis.participant.participants.adapter.in.web;

import java.time.LocalDate;

import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.participant.participants.domain.EntryData;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.PersonalData;

/** A participant as GET answers it. {@code person} is null in lists for shielded people. */
public record ParticipantResponse(String participantId, String projectId, Person person, LocalDate enrolledOn,
        String targetGroup, String gender, int ageAtEntry, String labourMarketStatus, String educationLevel,
        String disability, String minority, boolean thirdCountryNational, boolean foreignBackground, boolean homeless,
        boolean ruralArea, LocalDate leftOn, String leavingReason) {

    public record Person(String personalIdentityNumber, String givenName, String familyName, String protection) {

        @Override
        public String toString() {
            return "Person[redacted]";
        }
    }

    static ParticipantResponse of(ParticipantRecord record) {
        Participant p = record.participant();
        EntryData e = p.entryData();
        PersonalData person = record.person();
        return new ParticipantResponse(p.id().toString(), p.projectId(),
                person == null ? null : new Person(person.personalIdentityNumber().formatted(), person.givenName(),
                        person.familyName(), person.protection().name()),
                e.enrolledOn(), e.targetGroup(), e.gender().name(), e.ageAtEntry(), e.labourMarketStatus().name(),
                e.educationLevel().name(), e.disability().name(), e.minority().name(), e.thirdCountryNational(),
                e.foreignBackground(), e.homeless(), e.ruralArea(), p.leftOn(),
                p.leavingReason() == null ? null : p.leavingReason().name());
    }

    @Override
    public String toString() {
        return "ParticipantResponse[" + participantId + "]";
    }
}
