package se.stegvis.participant.participants.domain;

import java.time.LocalDate;

import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;

/** The entry data as staff give it, before the age is derived from the identity number. */
public record EntryFacts(LocalDate enrolledOn, String targetGroup, Gender gender, LabourMarketStatus labourMarketStatus,
        EducationLevel educationLevel, DeclarableAnswer disability, DeclarableAnswer minority,
        boolean thirdCountryNational, boolean foreignBackground, boolean homeless, boolean ruralArea) {

    EntryData withAge(int ageAtEntry) {
        return new EntryData(enrolledOn, targetGroup, gender, ageAtEntry, labourMarketStatus, educationLevel, disability,
                minority, thirdCountryNational, foreignBackground, homeless, ruralArea);
    }
}
