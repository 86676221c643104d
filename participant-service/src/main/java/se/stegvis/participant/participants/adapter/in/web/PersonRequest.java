package se.stegvis.participant.participants.adapter.in.web;

import se.stegvis.participant.participants.domain.InvalidPersonalData;
import se.stegvis.participant.participants.domain.InvalidPersonalIdentityNumber;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;
import se.stegvis.service.command.RequestFields;
import se.stegvis.service.command.Violation;

/** The personal part of an enrolment. It stays in participant-service, sealed; toString never shows it. */
public record PersonRequest(String personalIdentityNumber, String givenName, String familyName, String protection) {

    /** The personal data, over {@code stored} (null for none) where a field is missing. */
    PersonalData toPersonalData(RequestFields fields, PersonalData stored) {
        PersonalIdentityNumber number = number(fields, stored);
        String given = givenName != null ? givenName : stored == null ? null : stored.givenName();
        String family = familyName != null ? familyName : stored == null ? null : stored.familyName();
        Protection level = protection(fields, stored);
        fields.required("/person/givenName", given);
        fields.required("/person/familyName", family);
        if (number == null || given == null || family == null || level == null) {
            return null;
        }
        try {
            return new PersonalData(number, given, family, level);
        } catch (InvalidPersonalData e) {
            fields.add(new Violation("/person/" + e.getMessage().split(" ")[0], e.getMessage()));
            return null;
        }
    }

    /**
     * Required in an enrolment: a missing level is refused, not taken as NONE, since taking it as NONE would list and
     * read a shielded person's data unshielded and unaudited. A correction that leaves it out keeps the stored one.
     */
    private Protection protection(RequestFields fields, PersonalData stored) {
        if (protection == null) {
            fields.required("/person/protection", stored);
            return stored == null ? null : stored.protection();
        }
        return fields.symbol("/person/protection", Protection.class, protection);
    }

    private PersonalIdentityNumber number(RequestFields fields, PersonalData stored) {
        if (personalIdentityNumber == null) {
            fields.required("/person/personalIdentityNumber", stored);
            return stored == null ? null : stored.personalIdentityNumber();
        }
        try {
            return PersonalIdentityNumber.parse(personalIdentityNumber);
        } catch (InvalidPersonalIdentityNumber e) {
            fields.add(new Violation("/person/personalIdentityNumber", e.getMessage()));
            return null;
        }
    }

    @Override
    public String toString() {
        return "PersonRequest[redacted]";
    }
}
