package se.stegvis.participant.participants.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.participant.participants.domain.InventedNumbers.withCheckDigit;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

    private static final PersonalIdentityNumber NUMBER =
            PersonalIdentityNumber.parse(withCheckDigit("19900101-981"), LocalDate.of(2025, 6, 15));

    private static PersonalData withNames(String givenName, String familyName) {
        return new PersonalData(NUMBER, givenName, familyName, Protection.PROTECTED_ADDRESS);
    }

    @Test
    void names_are_stripped_of_surrounding_white_space() {
        PersonalData data = withNames("  Alex\u00a0", "\tExample ");

        assertThat(data.givenName()).isEqualTo("Alex");
        assertThat(data.familyName()).isEqualTo("Example");
    }

    @Test
    void names_typed_with_combining_marks_equal_those_typed_with_precomposed_letters() {
        PersonalData decomposed = withNames("A\u030Asa", "Lo\u0308vgren");
        PersonalData precomposed = withNames("\u00C5sa", "L\u00F6vgren");

        assertThat(decomposed).isEqualTo(precomposed);
    }

    @Test
    void names_may_hold_letters_of_any_script_and_the_joiners_some_scripts_need() {
        assertThat(withNames("\u0645\u06cc\u200c\u0646\u0627", "\u00d6zt\u00fcrk-N\u00ed Bhriain").givenName())
                .isEqualTo("\u0645\u06cc\u200c\u0646\u0627");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u00a0\u2003"})
    void blank_names_are_rejected(String blank) {
        assertThatThrownBy(() -> withNames(blank, "Example"))
                .isInstanceOf(InvalidPersonalData.class)
                .hasMessage("givenName must not be blank");
        assertThatThrownBy(() -> withNames("Alex", blank))
                .isInstanceOf(InvalidPersonalData.class)
                .hasMessage("familyName must not be blank");
    }

    @Test
    void a_name_may_have_a_hundred_characters_but_not_more() {
        assertThat(withNames("A".repeat(100), "Example").givenName()).hasSize(100);
        assertThatThrownBy(() -> withNames("Alex", "B".repeat(101)))
                .isInstanceOf(InvalidPersonalData.class)
                .hasMessage("familyName must be at most 100 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Al\nex", "Al\u0000ex", "Al\u001bex", "Al\u0085ex", "Al\u2028ex", "Al\rex"})
    void control_characters_and_line_breaks_in_a_name_are_rejected_without_echoing_it(String name) {
        assertThatThrownBy(() -> withNames(name, "Example"))
                .isInstanceOf(InvalidPersonalData.class)
                .hasMessage("givenName must not contain control characters");
    }

    @Test
    void the_number_and_the_protection_are_required() {
        assertThatThrownBy(() -> new PersonalData(null, "Alex", "Example", Protection.NONE))
                .isInstanceOf(InvalidPersonalData.class)
                .hasMessage("personalIdentityNumber is required");
        assertThatThrownBy(() -> new PersonalData(NUMBER, "Alex", "Example", null))
                .isInstanceOf(InvalidPersonalData.class)
                .hasMessage("protection is required");
    }

    @Test
    void to_string_shows_neither_the_number_nor_the_names_nor_the_protection() {
        String shown = withNames("Alex", "Example").toString();

        assertThat(shown)
                .isEqualTo("PersonalData[****]")
                .doesNotContain("Alex", "Example", "PROTECTED")
                .doesNotContainPattern("\\d");
    }
}
