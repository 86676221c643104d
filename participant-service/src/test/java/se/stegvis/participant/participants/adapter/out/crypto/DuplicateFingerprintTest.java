package se.stegvis.participant.participants.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.participant.participants.domain.InventedNumbers.withCheckDigit;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;

class DuplicateFingerprintTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final PersonalIdentityNumber ALEX = number("19900101-981");
    private static final PersonalIdentityNumber SAM = number("19850315-983");

    private final MasterKey masterKey = MasterKey.generate();
    private final DuplicateFingerprint fingerprint = new DuplicateFingerprint(masterKey);

    private static PersonalIdentityNumber number(String withoutCheckDigit) {
        return PersonalIdentityNumber.parse(withCheckDigit(withoutCheckDigit), TODAY);
    }

    @Test
    void the_same_person_in_the_same_project_has_the_same_fingerprint_however_the_number_was_written() {
        PersonalIdentityNumber shortForm = number("900101-981");

        assertThat(fingerprint.of("23-073-S03", ALEX)).isEqualTo(fingerprint.of("23-073-S03", shortForm));
        assertThat(new DuplicateFingerprint(masterKey).of("23-073-S03", ALEX))
                .isEqualTo(fingerprint.of("23-073-S03", ALEX));
    }

    @Test
    void different_people_have_different_fingerprints() {
        assertThat(fingerprint.of("23-073-S03", ALEX)).isNotEqualTo(fingerprint.of("23-073-S03", SAM));
    }

    @Test
    void the_same_person_has_different_fingerprints_in_different_projects() {
        assertThat(fingerprint.of("23-073-S03", ALEX)).isNotEqualTo(fingerprint.of("2016-00112", ALEX));
    }

    @Test
    void another_master_key_gives_other_fingerprints() {
        assertThat(new DuplicateFingerprint(MasterKey.generate()).of("23-073-S03", ALEX))
                .isNotEqualTo(fingerprint.of("23-073-S03", ALEX));
    }

    @Test
    void a_fingerprint_is_sixty_four_hex_digits_that_do_not_contain_the_number() {
        String shown = fingerprint.of("23-073-S03", ALEX);

        assertThat(shown).matches("[0-9a-f]{64}")
                .doesNotContain(ALEX.canonical())
                .doesNotContain(ALEX.canonical().substring(2));
        assertThat(fingerprint.toString()).doesNotContain(ALEX.canonical());
    }

    @Test
    void a_project_is_required() {
        assertThatThrownBy(() -> fingerprint.of(" ", ALEX)).isInstanceOf(IllegalArgumentException.class);
    }
}
