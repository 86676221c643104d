package se.stegvis.participant.participants.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import se.stegvis.participant.participants.domain.ScbMonthlyFile;
import se.stegvis.service.command.InvalidCommand;

/** The file's delimited text and the month it is asked for. */
class ScbCsvTest {

    private static final ScbMonthlyFile FILE = new ScbMonthlyFile("23-073-S03", YearMonth.of(2025, 3), List.of(
            new ScbMonthlyFile.Row(UUID.randomUUID(), "199001019820", LocalDate.of(2025, 2, 3), LocalDate.of(2025, 3, 15)),
            new ScbMonthlyFile.Row(UUID.randomUUID(), "19850612Tf19", LocalDate.of(2025, 3, 3), null)));

    @Test
    void a_header_and_one_semicolon_separated_line_per_row_ended_by_cr_lf_in_utf_8_without_a_byte_order_mark() {
        byte[] written = ScbCsv.write(FILE);

        assertThat(written[0]).as("no byte order mark").isEqualTo((byte) 'p');
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("personnummer;projekt;startdatum;slutdatum\r\n"
                + "199001019820;23-073-S03;2025-02-03;2025-03-15\r\n"
                + "19850612Tf19;23-073-S03;2025-03-03;\r\n");
        assertThat(ScbCsv.fileName(FILE)).isEqualTo("scb-23-073-S03-2025-03.csv");
    }

    @Test
    void an_empty_month_is_the_header_alone() {
        assertThat(new String(ScbCsv.write(new ScbMonthlyFile("23-073-S03", YearMonth.of(2025, 3), List.of())), StandardCharsets.UTF_8))
                .isEqualTo("personnummer;projekt;startdatum;slutdatum\r\n");
    }

    @Test
    void a_field_that_would_need_quoting_is_refused_without_its_value_in_the_message() {
        ScbMonthlyFile broken = new ScbMonthlyFile("23-073-S03", YearMonth.of(2025, 3), List.of(
                new ScbMonthlyFile.Row(UUID.randomUUID(), "1990;0101", LocalDate.of(2025, 2, 3), null)));

        assertThatThrownBy(() -> ScbCsv.write(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("personnummer").hasMessageNotContaining("1990");
    }

    @Test
    void the_month_is_a_real_month_as_yyyy_mm() {
        assertThat(ScbFileController.month("2025-03")).isEqualTo(YearMonth.of(2025, 3));
        assertThat(ScbFileController.month("2024-12")).isEqualTo(YearMonth.of(2024, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "202603", "2026-03-01", "+2026-03", "mars 2026", "2026-03 "})
    void anything_else_is_refused_at_month_without_echoing_it(String month) {
        assertThatThrownBy(() -> ScbFileController.month(month)).isInstanceOfSatisfying(InvalidCommand.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("month");
                assertThat(v.message()).isEqualTo("must be a month as YYYY-MM");
            });
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void a_missing_month_is_required(String month) {
        assertThatThrownBy(() -> ScbFileController.month(month)).isInstanceOfSatisfying(InvalidCommand.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("month");
                    assertThat(v.message()).isEqualTo("is required");
                }));
    }
}
