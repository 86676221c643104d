package se.stegvis.participant.participants.adapter.in.web;

import java.time.LocalDate;

import se.stegvis.participant.participants.domain.EntryData;
import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.service.command.RequestFields;

/**
 * The body of an enrolment (POST) and of a correction (PATCH), field names as DESIGN.md gives them. In a PATCH a
 * missing field keeps its value; in a POST every field is required.
 */
public record EnrolmentRequest(PersonRequest person, LocalDate enrolledOn, String targetGroup, String gender,
        String labourMarketStatus, String educationLevel, String disability, String minority, Boolean thirdCountryNational,
        Boolean foreignBackground, Boolean homeless, Boolean ruralArea) {

    /** The entry facts of an enrolment; every missing or unknown value is reported at once. */
    EntryFacts facts(RequestFields fields) {
        return new EntryFacts(fields.required("/enrolledOn", enrolledOn), fields.required("/targetGroup", targetGroup),
                symbol(fields, "/gender", Gender.class, gender),
                symbol(fields, "/labourMarketStatus", LabourMarketStatus.class, labourMarketStatus),
                symbol(fields, "/educationLevel", EducationLevel.class, educationLevel),
                symbol(fields, "/disability", DeclarableAnswer.class, disability),
                symbol(fields, "/minority", DeclarableAnswer.class, minority),
                flag(fields, "/thirdCountryNational", thirdCountryNational), flag(fields, "/foreignBackground", foreignBackground),
                flag(fields, "/homeless", homeless), flag(fields, "/ruralArea", ruralArea));
    }

    /** The entry facts after a correction: what the request gives, over what was stored. */
    EntryFacts facts(RequestFields fields, EntryData stored) {
        EnrolmentRequest merged = new EnrolmentRequest(person, or(enrolledOn, stored.enrolledOn()), or(targetGroup, stored.targetGroup()),
                or(gender, stored.gender().name()), or(labourMarketStatus, stored.labourMarketStatus().name()),
                or(educationLevel, stored.educationLevel().name()), or(disability, stored.disability().name()),
                or(minority, stored.minority().name()), or(thirdCountryNational, stored.thirdCountryNational()),
                or(foreignBackground, stored.foreignBackground()), or(homeless, stored.homeless()), or(ruralArea, stored.ruralArea()));
        return merged.facts(fields);
    }

    PersonalData person(RequestFields fields) {
        return fields.required("/person", person) == null ? null : person.toPersonalData(fields, null);
    }

    private static <E extends Enum<E>> E symbol(RequestFields fields, String pointer, Class<E> type, String value) {
        return fields.required(pointer, value) == null ? null : fields.symbol(pointer, type, value);
    }

    private static boolean flag(RequestFields fields, String pointer, Boolean value) {
        return fields.required(pointer, value) != null && value;
    }

    private static <T> T or(T given, T stored) {
        return given != null ? given : stored;
    }
}
