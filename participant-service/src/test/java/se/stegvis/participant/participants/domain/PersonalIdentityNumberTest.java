package se.stegvis.participant.participants.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.participant.participants.domain.InventedNumbers.withCheckDigit;
import static se.stegvis.participant.participants.domain.InventedNumbers.withWrongCheckDigit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static PersonalIdentityNumber parse(String text) {
        return PersonalIdentityNumber.parse(text, TODAY);
    }

    private static void assertRejected(String text, String reason) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidPersonalIdentityNumber.class)
                .hasMessageContaining(reason)
                .hasMessageNotContainingAny("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
                .hasNoCause();
    }

    @Nested
    class Accepts {

        @Test
        void twelve_digits_with_and_without_a_hyphen_as_the_same_number() {
            String number = withCheckDigit("19900101-981");
            PersonalIdentityNumber withHyphen = parse(number);
            PersonalIdentityNumber withoutHyphen = parse(number.replace("-", ""));

            assertThat(withHyphen.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(withHyphen).isEqualTo(withoutHyphen).hasSameHashCodeAs(withoutHyphen);
            assertThat(withHyphen.canonical()).isEqualTo(number.replace("-", "")).hasSize(12);
            assertThat(withHyphen.formatted()).isEqualTo(number);
            assertThat(withHyphen.isCoordinationNumber()).isFalse();
        }

        @Test
        void ten_digits_with_a_hyphen_or_none_as_someone_under_a_hundred() {
            assertThat(parse(withCheckDigit("900101-981")).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(parse(withCheckDigit("900101981")).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(parse(withCheckDigit("150101-981")).birthDate()).isEqualTo(LocalDate.of(2015, 1, 1));
        }

        @Test
        void ten_digits_dated_later_this_year_as_someone_born_a_century_ago() {
            assertThat(parse(withCheckDigit("250615-981")).birthDate()).isEqualTo(TODAY);
            assertThat(parse(withCheckDigit("250616-981")).birthDate()).isEqualTo(LocalDate.of(1925, 6, 16));
        }

        @Test
        void ten_digits_with_a_plus_as_someone_a_hundred_or_older() {
            PersonalIdentityNumber centenarian = parse(withCheckDigit("250101+981"));

            assertThat(centenarian.birthDate()).isEqualTo(LocalDate.of(1925, 1, 1));
            assertThat(centenarian.ageOn(TODAY)).isEqualTo(100);
            assertThat(parse(withCheckDigit("250616+981")).birthDate()).isEqualTo(LocalDate.of(1825, 6, 16));
        }

        @Test
        void the_sex_digit_as_even_or_odd() {
            assertThat(parse(withCheckDigit("19900101-982")).hasEvenSexDigit()).isTrue();
            assertThat(parse(withCheckDigit("19900101-980")).hasEvenSexDigit()).isTrue();
            assertThat(parse(withCheckDigit("19900101-981")).hasEvenSexDigit()).isFalse();
            assertThat(parse(withCheckDigit("900161-989")).hasEvenSexDigit()).isFalse();
        }

        @Test
        void coordination_numbers_with_sixty_added_to_the_day() {
            PersonalIdentityNumber first = parse(withCheckDigit("19900161-981"));
            PersonalIdentityNumber last = parse(withCheckDigit("900191-981"));

            assertThat(first.isCoordinationNumber()).isTrue();
            assertThat(first.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(first.canonical()).startsWith("19900161");
            assertThat(last.birthDate()).isEqualTo(LocalDate.of(1990, 1, 31));
        }

        @Test
        void the_twenty_ninth_of_february_in_leap_years() {
            assertThat(parse(withCheckDigit("20000229-981")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(parse(withCheckDigit("040229-981")).birthDate()).isEqualTo(LocalDate.of(2004, 2, 29));
            assertThat(parse(withCheckDigit("20240289-981")).birthDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void surrounding_white_space() {
            assertThat(parse(" " + withCheckDigit("19900101-981") + "\t").birthDate())
                    .isEqualTo(LocalDate.of(1990, 1, 1));
        }

        @Test
        void a_clock_as_the_reference_date() {
            Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("UTC")).toInstant(), ZoneId.of("UTC"));

            assertThat(PersonalIdentityNumber.parse(withCheckDigit("250616-981"), clock).birthDate())
                    .isEqualTo(LocalDate.of(1925, 6, 16));
        }
    }

    @Nested
    class Rejects {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"19900101-98", "1990010198123", "19900101+9812", "900101/9812", "9001019-812",
                "19900101 9812", "ABCDEF-GHIJ", "1990-01-01-9812", "١٩٩٠٠١٠١-٩٨١٢"})
        void anything_but_the_accepted_forms(String text) {
            assertRejected(text, "expected YYYYMMDD-NNNN");
        }

        @ParameterizedTest
        @ValueSource(strings = {"19900230-981", "19900431-981", "20230229-981", "20230289-981", "19901301-981",
                "19900100-981", "19900132-981", "19900160-981", "19900192-981", "000229+981"})
        void dates_that_do_not_exist(String withoutCheckDigit) {
            assertRejected(withCheckDigit(withoutCheckDigit), "not a real date");
        }

        @ParameterizedTest
        @ValueSource(strings = {"19900101-981", "900101-981", "19900161-981", "20000229-981"})
        void a_check_digit_that_does_not_match(String withoutCheckDigit) {
            assertRejected(withWrongCheckDigit(withoutCheckDigit), "check digit does not match");
        }

        @Test
        void a_date_of_birth_after_the_reference_date() {
            assertRejected(withCheckDigit("20250616-981"), "date of birth is in the future");
        }
    }

    @Nested
    class Age {

        private final PersonalIdentityNumber bornOn15March1990 = parse(withCheckDigit("19900315-981"));
        private final PersonalIdentityNumber bornOnLeapDay = parse(withCheckDigit("20040229-981"));

        @Test
        void is_one_less_on_the_day_before_the_birthday() {
            assertThat(bornOn15March1990.ageOn(LocalDate.of(2025, 3, 14))).isEqualTo(34);
        }

        @Test
        void goes_up_on_the_birthday_and_stays_the_day_after() {
            assertThat(bornOn15March1990.ageOn(LocalDate.of(2025, 3, 15))).isEqualTo(35);
            assertThat(bornOn15March1990.ageOn(LocalDate.of(2025, 3, 16))).isEqualTo(35);
        }

        @Test
        void is_zero_on_the_day_of_birth() {
            assertThat(bornOn15March1990.ageOn(LocalDate.of(1990, 3, 15))).isZero();
        }

        @Test
        void of_someone_born_on_a_leap_day_goes_up_on_the_first_of_march_in_common_years() {
            assertThat(bornOnLeapDay.ageOn(LocalDate.of(2005, 2, 28))).isZero();
            assertThat(bornOnLeapDay.ageOn(LocalDate.of(2005, 3, 1))).isEqualTo(1);
        }

        @Test
        void of_someone_born_on_a_leap_day_goes_up_on_the_leap_day_in_leap_years() {
            assertThat(bornOnLeapDay.ageOn(LocalDate.of(2008, 2, 28))).isEqualTo(3);
            assertThat(bornOnLeapDay.ageOn(LocalDate.of(2008, 2, 29))).isEqualTo(4);
        }

        @Test
        void is_not_defined_before_birth() {
            assertThatThrownBy(() -> bornOn15March1990.ageOn(LocalDate.of(1990, 3, 14)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContainingAny("1990", "03", "15");
        }
    }

    @Nested
    class KeepsTheNumberOutOf {

        @Test
        void to_string() {
            PersonalIdentityNumber number = parse(withCheckDigit("19900101-981"));

            assertThat(number.toString())
                    .isEqualTo("PersonalIdentityNumber[****]")
                    .doesNotContainPattern("\\d");
        }
    }

    @Test
    void different_numbers_are_not_equal() {
        assertThat(parse(withCheckDigit("19900101-981"))).isNotEqualTo(parse(withCheckDigit("19900101-983")));
        assertThat(parse(withCheckDigit("19900101-981"))).isNotEqualTo(parse(withCheckDigit("19900161-981")));
    }
}
