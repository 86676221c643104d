package se.stegvis.participant.participants.domain;

import java.time.LocalDate;

/**
 * A participant's ESF+ entry characteristics: what the indicators count, at the coarsest grain that serves. It
 * holds the age at entry, never the birth date; it travels on events, so nothing in it identifies a person.
 */
public record EntryData(LocalDate enrolledOn, String targetGroup, Gender gender, int ageAtEntry,
        LabourMarketStatus labourMarketStatus, EducationLevel educationLevel, DeclarableAnswer disability,
        DeclarableAnswer minority, boolean thirdCountryNational, boolean foreignBackground, boolean homeless,
        boolean ruralArea) {

    public enum Gender { WOMAN, MAN, NON_BINARY, NOT_STATED }

    /** LONG_TERM_UNEMPLOYED counts as unemployed too. */
    public enum LabourMarketStatus { UNEMPLOYED, LONG_TERM_UNEMPLOYED, INACTIVE, EMPLOYED }

    public enum EducationLevel { ISCED_0_2, ISCED_3_4, ISCED_5_8 }

    /** Special-category answers may be declined. */
    public enum DeclarableAnswer { YES, NO, DECLINED }
}
