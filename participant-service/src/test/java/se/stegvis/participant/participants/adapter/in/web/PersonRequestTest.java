package se.stegvis.participant.participants.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.RequestFields;
import se.stegvis.service.command.Violation;

/** The protection level fails closed: an enrolment must say it; a correction that leaves it out keeps the stored one. */
class PersonRequestTest {

    /** An invented person (Luhn-valid, not a real person's number). */
    private static final String NUMBER = "19980417-3210";

    @Test
    void an_enrolment_without_a_protection_level_is_refused_at_that_field_rather_than_taken_as_none() {
        RequestFields fields = new RequestFields();

        assertThat(new PersonRequest(NUMBER, "Testa", "Påhittad", null).toPersonalData(fields, null)).isNull();

        assertThatThrownBy(fields::throwIfAny).isInstanceOfSatisfying(InvalidCommand.class,
                e -> assertThat(e.violations()).containsExactly(new Violation("/person/protection", "is required")));
    }

    @Test
    void a_correction_without_a_protection_level_keeps_the_stored_one() {
        PersonalData stored = new PersonalData(PersonalIdentityNumber.parse(NUMBER), "Testa", "Påhittad", Protection.FICTITIOUS_IDENTITY);
        RequestFields fields = new RequestFields();

        PersonalData corrected = new PersonRequest(null, null, "Rättad", null).toPersonalData(fields, stored);

        fields.throwIfAny();
        assertThat(corrected.protection()).isEqualTo(Protection.FICTITIOUS_IDENTITY);
        assertThat(corrected.familyName()).isEqualTo("Rättad");
    }
}
