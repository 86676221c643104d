package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.stegvis.reporting.indicators.domain.ReportTable.Column;
import se.stegvis.reporting.indicators.domain.ReportTable.Difference;
import se.stegvis.reporting.indicators.domain.ReportTable.Kind;
import se.stegvis.reporting.indicators.domain.ReportTable.Row;

/** A report's differences against the one submitted: exactly the cells whose values differ, with the change. */
class ReportTableTest {

    private static final LocalDate CUT_OFF = LocalDate.of(2025, 12, 31);

    private static ReportTable table(Row... rows) {
        return new ReportTable("99-001-T01", CUT_OFF, Instant.parse("2025-12-01T10:00:00Z"), List.of(rows));
    }

    private static Row indicator(String code, int women, int men) {
        return new Row(Kind.INDICATOR, code, code, women + men, Map.of(Gender.WOMAN, women, Gender.MAN, men), null, null, null);
    }

    private static Row target(String code, int men, BigDecimal actual, int denominator) {
        return new Row(Kind.TARGET, code, code, men, Map.of(Gender.MAN, men), 10, actual, denominator);
    }

    @Test
    void the_same_figures_differ_nowhere_whatever_the_scale_of_a_share() {
        ReportTable submitted = table(indicator("participants", 2, 3), target("share", 1, new BigDecimal("50.0"), 2));
        ReportTable now = table(indicator("participants", 2, 3), target("share", 1, new BigDecimal("50"), 2));
        assertThat(now.differencesFrom(submitted)).isEmpty();
    }

    @Test
    void each_changed_cell_is_one_difference_with_its_exact_change_and_an_indicator_and_a_target_of_one_code_are_apart() {
        ReportTable submitted = table(indicator("participants", 2, 3), target("participants", 1, new BigDecimal("33.3"), 3));
        ReportTable now = table(indicator("participants", 2, 4), target("participants", 2, new BigDecimal("66.7"), 3));
        assertThat(now.differencesFrom(submitted)).containsExactly(
                new Difference(Kind.INDICATOR, "participants", Column.TOTAL, BigDecimal.valueOf(5), BigDecimal.valueOf(6), BigDecimal.ONE),
                new Difference(Kind.INDICATOR, "participants", Column.MAN, BigDecimal.valueOf(3), BigDecimal.valueOf(4), BigDecimal.ONE),
                new Difference(Kind.TARGET, "participants", Column.TOTAL, BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.ONE),
                new Difference(Kind.TARGET, "participants", Column.MAN, BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.ONE),
                new Difference(Kind.TARGET, "participants", Column.ACTUAL, new BigDecimal("33.3"), new BigDecimal("66.7"),
                        new BigDecimal("33.4")));
    }

    @Test
    void a_target_added_since_shows_its_values_with_no_change_and_a_share_that_appears_too() {
        ReportTable submitted = table(indicator("participants", 0, 1), target("share", 0, null, 0));
        ReportTable now = table(indicator("participants", 0, 1), target("share", 0, new BigDecimal("0.0"), 1),
                target("new", 0, null, 0));
        List<Difference> differences = now.differencesFrom(submitted);
        assertThat(differences).contains(
                new Difference(Kind.TARGET, "share", Column.ACTUAL, null, new BigDecimal("0.0"), null),
                new Difference(Kind.TARGET, "share", Column.DENOMINATOR, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE),
                new Difference(Kind.TARGET, "new", Column.TOTAL, null, BigDecimal.ZERO, null),
                new Difference(Kind.TARGET, "new", Column.TARGET, null, BigDecimal.TEN, null));
        assertThat(differences).filteredOn(d -> d.code().equals("new")).as("every column it has a value in")
                .hasSize(7);
    }
}
