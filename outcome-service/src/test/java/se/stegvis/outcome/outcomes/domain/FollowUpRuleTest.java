package se.stegvis.outcome.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.DAYS_90;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.DURING_PARTICIPATION;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.MONTHS_6;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.OTHER;
import static se.stegvis.outcome.outcomes.domain.FollowUpPoint.UPON_LEAVING;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpRuleTest {

    private static final Set<FollowUpPoint> ALL_THREE = Set.of(UPON_LEAVING, DAYS_90, MONTHS_6);
    private static final LocalDate LEFT = LocalDate.of(2025, 3, 3);

    private static FollowUpPoint dayAfterLeaving(int days, Set<FollowUpPoint> points) {
        return FollowUpRule.pointOf(LEFT.plusDays(days), LEFT, points);
    }

    @Test
    void an_outcome_before_leaving_or_of_someone_still_taking_part_is_during_participation() {
        assertThat(FollowUpRule.pointOf(LEFT.minusDays(1), LEFT, ALL_THREE)).isEqualTo(DURING_PARTICIPATION);
        assertThat(FollowUpRule.pointOf(LEFT.plusYears(1), null, ALL_THREE)).isEqualTo(DURING_PARTICIPATION);
    }

    @ParameterizedTest(name = "day {0} after leaving is {1}")
    @CsvSource({
            "-1, DURING_PARTICIPATION", "0, UPON_LEAVING", "28, UPON_LEAVING", "29, OTHER",
            "89, OTHER", "90, DAYS_90", "118, DAYS_90", "119, OTHER"})
    void every_edge_of_the_windows_of_upon_leaving_and_90_days(int days, FollowUpPoint expected) {
        assertThat(dayAfterLeaving(days, ALL_THREE)).isEqualTo(expected);
    }

    @Test
    void the_six_month_window_opens_six_months_after_leaving_and_closes_28_days_later() {
        LocalDate sixMonths = LEFT.plusMonths(6);

        assertThat(FollowUpRule.pointOf(sixMonths.minusDays(1), LEFT, ALL_THREE)).as("the day before").isEqualTo(OTHER);
        assertThat(FollowUpRule.pointOf(sixMonths, LEFT, ALL_THREE)).as("the first day").isEqualTo(MONTHS_6);
        assertThat(FollowUpRule.pointOf(sixMonths.plusDays(28), LEFT, ALL_THREE)).as("the last day").isEqualTo(MONTHS_6);
        assertThat(FollowUpRule.pointOf(sixMonths.plusDays(29), LEFT, ALL_THREE)).as("the day after").isEqualTo(OTHER);
    }

    @Test
    void every_window_opens_on_its_due_day_and_holds_exactly_29_days() {
        for (FollowUpWindow window : FollowUpRule.windows(LEFT, ALL_THREE)) {
            assertThat(window.dueOn()).isEqualTo(window.point().dueOn(LEFT));
            assertThat(window.contains(window.dueOn().minusDays(1))).as("%s the day before", window.point()).isFalse();
            assertThat(window.contains(window.dueOn())).as("%s the first day", window.point()).isTrue();
            assertThat(window.contains(window.closesOn())).as("%s the last day", window.point()).isTrue();
            assertThat(window.contains(window.closesOn().plusDays(1))).as("%s the day after", window.point()).isFalse();
            assertThat(window.closesOn()).isEqualTo(window.dueOn().plusDays(28));
        }
    }

    @Test
    void leaving_on_31_august_before_a_leap_year_falls_due_at_six_months_on_29_february() {
        assertSixMonthWindow(LocalDate.of(2023, 8, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 28));
    }

    @Test
    void leaving_on_31_august_before_a_common_year_falls_due_at_six_months_on_28_february() {
        assertSixMonthWindow(LocalDate.of(2024, 8, 31), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 28));
    }

    private static void assertSixMonthWindow(LocalDate left, LocalDate due, LocalDate lastDay) {
        assertThat(MONTHS_6.dueOn(left)).isEqualTo(due);
        assertThat(FollowUpRule.pointOf(due.minusDays(1), left, ALL_THREE)).isEqualTo(OTHER);
        assertThat(FollowUpRule.pointOf(due, left, ALL_THREE)).isEqualTo(MONTHS_6);
        assertThat(FollowUpRule.pointOf(lastDay, left, ALL_THREE)).isEqualTo(MONTHS_6);
        assertThat(FollowUpRule.pointOf(lastDay.plusDays(1), left, ALL_THREE)).isEqualTo(OTHER);
    }

    @Test
    void leaving_on_29_february_falls_due_on_29_may_after_90_days_and_29_august_after_six_months() {
        LocalDate left = LocalDate.of(2024, 2, 29);

        assertThat(FollowUpRule.windows(left, ALL_THREE)).containsExactly(
                new FollowUpWindow(UPON_LEAVING, left, LocalDate.of(2024, 3, 28)),
                new FollowUpWindow(DAYS_90, LocalDate.of(2024, 5, 29), LocalDate.of(2024, 6, 26)),
                new FollowUpWindow(MONTHS_6, LocalDate.of(2024, 8, 29), LocalDate.of(2024, 9, 26)));
    }

    @Test
    void a_project_without_the_90_day_follow_up_files_the_days_around_90_as_other() {
        Set<FollowUpPoint> withoutDays90 = Set.of(UPON_LEAVING, MONTHS_6);

        assertThat(dayAfterLeaving(28, withoutDays90)).isEqualTo(UPON_LEAVING);
        assertThat(dayAfterLeaving(29, withoutDays90)).isEqualTo(OTHER);
        assertThat(dayAfterLeaving(90, withoutDays90)).isEqualTo(OTHER);
        assertThat(FollowUpRule.pointOf(LEFT.plusMonths(6), LEFT, withoutDays90)).isEqualTo(MONTHS_6);
    }

    @Test
    void a_project_that_follows_up_only_upon_leaving_calls_everything_later_other() {
        assertThat(dayAfterLeaving(29, Set.of(UPON_LEAVING))).isEqualTo(OTHER);
        assertThat(dayAfterLeaving(0, Set.of())).isEqualTo(OTHER);
    }

    @Test
    void a_project_that_follows_up_only_at_90_days_files_only_its_window_there() {
        assertThat(dayAfterLeaving(0, Set.of(DAYS_90))).isEqualTo(OTHER);
        assertThat(dayAfterLeaving(89, Set.of(DAYS_90))).isEqualTo(OTHER);
        assertThat(dayAfterLeaving(90, Set.of(DAYS_90))).isEqualTo(DAYS_90);
        assertThat(dayAfterLeaving(118, Set.of(DAYS_90))).isEqualTo(DAYS_90);
        assertThat(dayAfterLeaving(119, Set.of(DAYS_90))).isEqualTo(OTHER);
    }
}
