package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The twice-yearly periods: which days are cut-offs, when each report is due, and when a cut-off has come or passed. */
class ReportingPeriodTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static ReportingPeriod period(String cutOff) {
        return new ReportingPeriod(day(cutOff));
    }

    @Test
    void only_30_june_and_31_december_are_cut_offs() {
        assertThat(ReportingPeriod.isCutOff(day("2025-06-30"))).isTrue();
        assertThat(ReportingPeriod.isCutOff(day("2025-12-31"))).isTrue();
        for (String not : List.of("2025-06-29", "2025-07-01", "2025-12-30", "2026-01-01", "2025-05-30", "2025-01-31")) {
            assertThat(ReportingPeriod.isCutOff(day(not))).as(not).isFalse();
            assertThatThrownBy(() -> period(not)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ReportingPeriod.isCutOff(null)).isFalse();
    }

    @Test
    void a_june_report_is_due_by_31_july_and_a_december_one_by_31_january_of_the_next_year() {
        assertThat(period("2025-06-30").dueBy()).isEqualTo(day("2025-07-31"));
        assertThat(period("2025-12-31").dueBy()).isEqualTo(day("2026-01-31"));
    }

    @Test
    void a_cut_off_has_come_on_its_own_day_and_passes_the_day_after() {
        ReportingPeriod june = period("2025-06-30");
        assertThat(june.hasCome(day("2025-06-29"))).isFalse();
        assertThat(june.hasCome(day("2025-06-30"))).isTrue();
        assertThat(june.hasPassed(day("2025-06-30"))).as("figures may still be recorded on the day").isFalse();
        assertThat(june.hasPassed(day("2025-07-01"))).isTrue();
        ReportingPeriod december = period("2025-12-31");
        assertThat(december.hasCome(day("2025-12-30"))).isFalse();
        assertThat(december.hasCome(day("2025-12-31"))).isTrue();
        assertThat(december.hasPassed(day("2025-12-31"))).isFalse();
        assertThat(december.hasPassed(day("2026-01-01"))).isTrue();
    }

    @Test
    void the_latest_passed_cut_off_moves_on_the_day_after_each_cut_off() {
        assertThat(ReportingPeriod.latestPassed(day("2025-06-30")).cutOff()).isEqualTo(day("2024-12-31"));
        assertThat(ReportingPeriod.latestPassed(day("2025-07-01")).cutOff()).isEqualTo(day("2025-06-30"));
        assertThat(ReportingPeriod.latestPassed(day("2025-12-31")).cutOff()).isEqualTo(day("2025-06-30"));
        assertThat(ReportingPeriod.latestPassed(day("2026-01-01")).cutOff()).isEqualTo(day("2025-12-31"));
        assertThat(ReportingPeriod.latestPassed(day("2026-01-02")).cutOff()).isEqualTo(day("2025-12-31"));
    }

    @Test
    void the_first_period_of_a_project_ends_at_the_first_cut_off_on_or_after_its_start() {
        assertThat(ReportingPeriod.firstFrom(day("2025-01-01")).cutOff()).isEqualTo(day("2025-06-30"));
        assertThat(ReportingPeriod.firstFrom(day("2025-06-30")).cutOff()).isEqualTo(day("2025-06-30"));
        assertThat(ReportingPeriod.firstFrom(day("2025-07-01")).cutOff()).isEqualTo(day("2025-12-31"));
        assertThat(ReportingPeriod.firstFrom(day("2025-12-31")).cutOff()).isEqualTo(day("2025-12-31"));
        assertThat(period("2025-12-31").next().cutOff()).isEqualTo(day("2026-06-30"));
        assertThat(period("2025-06-30").next().cutOff()).isEqualTo(day("2025-12-31"));
    }

    @Test
    void a_projects_periods_run_from_its_start_to_the_latest_passed_cut_off() {
        assertThat(ReportingPeriod.between(day("2024-09-02"), day("2026-01-01")).stream().map(ReportingPeriod::cutOff))
                .containsExactly(day("2024-12-31"), day("2025-06-30"), day("2025-12-31"));
        assertThat(ReportingPeriod.between(day("2024-09-02"), day("2025-12-31")).stream().map(ReportingPeriod::cutOff))
                .containsExactly(day("2024-12-31"), day("2025-06-30"));
        assertThat(ReportingPeriod.between(day("2025-07-01"), day("2025-12-31"))).as("first cut-off not passed").isEmpty();
        assertThat(ReportingPeriod.between(null, day("2026-03-01")).stream().map(ReportingPeriod::cutOff))
                .as("start unknown: only the latest").containsExactly(day("2025-12-31"));
    }
}
