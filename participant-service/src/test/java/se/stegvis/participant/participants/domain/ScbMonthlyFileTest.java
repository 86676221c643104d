package se.stegvis.participant.participants.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.participant.participants.domain.InventedNumbers.withCheckDigit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.participant.participants.domain.ScbMonthlyFile.Participation;
import se.stegvis.participant.participants.domain.ScbMonthlyFile.Row;

/** Which participations a month's file holds, in which order, and what stands in each identity column. */
class ScbMonthlyFileTest {

    private static final String PROJECT = "23-073-S03";
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    /** Invented people: the 98x serials, a real date and the Luhn digit; 982 has an even sex digit, 981 an odd one. */
    private static final String WOMAN = withCheckDigit("19900101-982");
    private static final String MAN = withCheckDigit("19850612-981");

    private final List<Participation> participations = new ArrayList<>();

    @Test
    void a_participation_is_in_the_file_of_every_month_it_overlaps_and_its_end_only_in_the_month_of_the_leaving() {
        UUID enrolledOnTheLastDay = participating("2025-03-31", null);
        participating("2025-04-01", null);
        UUID leftOnTheFirstDay = participating("2025-02-03", "2025-03-01");
        participating("2025-01-10", "2025-02-28");
        UUID leftAfterTheMonth = participating("2025-03-03", "2025-04-10");
        UUID stillParticipating = participating("2024-11-18", null);

        List<Row> rows = ScbMonthlyFile.of(PROJECT, MARCH, participations).rows();

        assertThat(rows).extracting(Row::participantId)
                .containsExactly(stillParticipating, leftOnTheFirstDay, leftAfterTheMonth, enrolledOnTheLastDay);
        assertThat(rows).extracting(Row::end).containsExactly(null, LocalDate.of(2025, 3, 1), null, null);
        assertThat(ScbMonthlyFile.of(PROJECT, YearMonth.of(2025, 4), participations).rows())
                .filteredOn(row -> row.participantId().equals(leftAfterTheMonth)).extracting(Row::end)
                .containsExactly(LocalDate.of(2025, 4, 10));
    }

    @Test
    void rows_are_in_order_of_start_then_end_with_an_open_end_last_then_participant_id() {
        UUID open = participating("2025-03-03", null);
        UUID laterEnd = participating("2025-03-03", "2025-03-20");
        UUID earlierEnd = participating("2025-03-03", "2025-03-10");
        UUID first = participating("2025-02-01", null);
        UUID tiedA = participating("2025-03-05", null);
        UUID tiedB = participating("2025-03-05", null);
        List<UUID> tied = tiedA.toString().compareTo(tiedB.toString()) < 0 ? List.of(tiedA, tiedB) : List.of(tiedB, tiedA);

        List<Row> rows = ScbMonthlyFile.of(PROJECT, MARCH, participations).rows();

        assertThat(rows).extracting(Row::participantId)
                .containsExactly(first, earlierEnd, laterEnd, open, tied.get(0), tied.get(1));
    }

    @Test
    void erased_participants_and_other_projects_participants_are_not_in_the_file() {
        UUID kept = participating("2025-03-03", null);
        Participant erased = participant(PROJECT, "2025-03-03", null).withErasure();
        participations.add(new Participation(erased, null));
        participations.add(new Participation(participant("23-069-S06", "2025-03-03", null), person(MAN, Protection.NONE)));

        ScbMonthlyFile file = ScbMonthlyFile.of(PROJECT, MARCH, participations);

        assertThat(file.participantIds()).containsExactly(kept);
    }

    @Test
    void the_identity_column_holds_the_twelve_digits_and_for_every_protection_level_the_code_of_birth_date_and_sex() {
        assertThat(ScbMonthlyFile.identity(person(WOMAN, Protection.NONE))).isEqualTo(WOMAN.replace("-", "")).hasSize(12);
        for (Protection protection : List.of(Protection.CONFIDENTIALITY_MARKING, Protection.PROTECTED_ADDRESS,
                Protection.FICTITIOUS_IDENTITY)) {
            assertThat(ScbMonthlyFile.identity(person(WOMAN, protection))).as(protection.name()).isEqualTo("19900101Tf29");
            assertThat(ScbMonthlyFile.identity(person(MAN, protection))).as(protection.name()).isEqualTo("19850612Tf19");
        }
        String coordinationNumber = withCheckDigit("19900161-982");
        assertThat(ScbMonthlyFile.identity(person(coordinationNumber, Protection.PROTECTED_ADDRESS)))
                .as("the real day of birth, not the coordination day").isEqualTo("19900101Tf29");
        assertThat(ScbMonthlyFile.identity(person(coordinationNumber, Protection.NONE))).isEqualTo(coordinationNumber.replace("-", ""));
    }

    @Test
    void a_row_says_nothing_of_the_person_in_its_text() {
        participating("2025-03-03", null);
        Row row = ScbMonthlyFile.of(PROJECT, MARCH, participations).rows().get(0);

        assertThat(row.toString()).doesNotContain(WOMAN.replace("-", ""), "2025-03-03");
    }

    private UUID participating(String enrolledOn, String leftOn) {
        Participant participant = participant(PROJECT, enrolledOn, leftOn);
        participations.add(new Participation(participant, person(WOMAN, Protection.NONE)));
        return participant.id();
    }

    private static Participant participant(String projectId, String enrolledOn, String leftOn) {
        EntryData entry = new EntryData(LocalDate.parse(enrolledOn), "GANG_DEFECTOR", Gender.WOMAN, 35,
                LabourMarketStatus.LONG_TERM_UNEMPLOYED, EducationLevel.ISCED_3_4, DeclarableAnswer.DECLINED, DeclarableAnswer.NO,
                false, true, false, false);
        return new Participant(UUID.randomUUID(), projectId, entry, leftOn == null ? null : LocalDate.parse(leftOn),
                leftOn == null ? null : LeavingReason.COMPLETED, false);
    }

    private static PersonalData person(String number, Protection protection) {
        return new PersonalData(PersonalIdentityNumber.parse(number, LocalDate.of(2025, 6, 15)), "Testa", "Påhittad", protection);
    }
}
