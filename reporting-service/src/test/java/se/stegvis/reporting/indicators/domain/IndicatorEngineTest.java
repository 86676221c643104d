package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.TODAY;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.activity;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.activityRetracted;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.corrected;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.enrolled;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.entry;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.erased;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.outcome;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.outcomeRetracted;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.participant;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.project;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorEngineTest {

    private final IndicatorEngine engine = new IndicatorEngine(CATALOGUE);

    private ProjectFigures figures(ProjectedParticipant... participants) {
        return figures(List.of(), participants);
    }

    private ProjectFigures figures(List<TargetDefinition> targets, ProjectedParticipant... participants) {
        return engine.figures(project(targets), List.of(participants), TODAY);
    }

    private static IndicatorCount indicator(ProjectFigures figures, String code) {
        return figures.indicators().stream().filter(count -> count.code().equals(code)).findFirst().orElseThrow();
    }

    private static int total(ProjectFigures figures, String code) {
        return indicator(figures, code).total();
    }

    @Test
    void every_esf_code_of_the_design_is_in_the_catalogue_in_its_order() {
        assertThat(CATALOGUE.codes()).containsExactly("participants", "unemployed", "long-term-unemployed", "inactive",
                "employed", "age-below-18", "age-18-29", "age-55-plus", "isced-0-2", "isced-3-4", "isced-5-8", "disabilities",
                "third-country-nationals", "foreign-background", "minorities", "homeless", "rural",
                "job-searching-upon-leaving", "in-education-upon-leaving", "qualification-upon-leaving", "employed-upon-leaving",
                "employed-six-months", "improved-situation-six-months");
    }

    @ParameterizedTest(name = "{0}={1} counts in {2}")
    @CsvSource({
            "labourMarketStatus, UNEMPLOYED, unemployed",
            "labourMarketStatus, LONG_TERM_UNEMPLOYED, unemployed",
            "labourMarketStatus, LONG_TERM_UNEMPLOYED, long-term-unemployed",
            "labourMarketStatus, INACTIVE, inactive",
            "labourMarketStatus, EMPLOYED, employed",
            "educationLevel, ISCED_0_2, isced-0-2",
            "educationLevel, ISCED_3_4, isced-3-4",
            "educationLevel, ISCED_5_8, isced-5-8",
            "disability, YES, disabilities",
            "thirdCountryNational, true, third-country-nationals",
            "foreignBackground, true, foreign-background",
            "minority, YES, minorities",
            "homeless, true, homeless",
            "ruralArea, true, rural"})
    void an_entry_attribute_counts_in_its_indicator(String attribute, String value, String code) {
        ProjectFigures figures = figures(participant("p1", enrolled("p1", entry(Gender.WOMAN, 30, attribute, value))));

        assertThat(indicator(figures, code).total()).isEqualTo(1);
        assertThat(indicator(figures, code).byGender()).containsEntry(Gender.WOMAN, 1).containsEntry(Gender.MAN, 0);
    }

    @ParameterizedTest(name = "{0}={1} does not count in {2}")
    @CsvSource({
            "labourMarketStatus, UNEMPLOYED, long-term-unemployed",
            "disability, DECLINED, disabilities",
            "disability, NO, disabilities",
            "minority, DECLINED, minorities",
            "homeless, false, homeless"})
    void a_value_outside_the_indicator_does_not_count(String attribute, String value, String code) {
        assertThat(total(figures(participant("p1", enrolled("p1", entry(Gender.MAN, 30, attribute, value)))), code)).isZero();
    }

    @ParameterizedTest(name = "age {0}: below-18 {1}, 18-29 {2}, 55-plus {3}")
    @CsvSource({"17, 1, 0, 0", "18, 0, 1, 0", "29, 0, 1, 0", "30, 0, 0, 0", "54, 0, 0, 0", "55, 0, 0, 1"})
    void age_bands_include_their_edges(int age, int below18, int from18to29, int from55) {
        ProjectFigures figures = figures(participant("p1", enrolled("p1", entry(Gender.NON_BINARY, age))));

        assertThat(List.of(total(figures, "age-below-18"), total(figures, "age-18-29"), total(figures, "age-55-plus")))
                .containsExactly(below18, from18to29, from55);
    }

    @Test
    void a_participant_counts_once_per_indicator_however_many_events_they_have() {
        ProjectedParticipant busy = participant("p1", enrolled("p1", entry(Gender.MAN, 40)),
                activity("p1", "a1", "DIGITAL_GUIDANCE"), activity("p1", "a2", "DIGITAL_GUIDANCE"),
                outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(10)),
                outcome("p1", "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 2), T0.plusSeconds(20)));
        List<TargetDefinition> targets = List.of(target("guided", 10, TargetUnit.PARTICIPANTS, Set.of(),
                Set.of("DIGITAL_GUIDANCE"), null, Map.of()));

        ProjectFigures figures = figures(targets, busy);

        assertThat(total(figures, "participants")).isEqualTo(1);
        assertThat(total(figures, "employed-upon-leaving")).isEqualTo(1);
        assertThat(figures.targets().get(0).counted()).isEqualTo(1);
    }

    @Test
    void a_corrected_entry_moves_the_participant_between_cells() {
        ProjectedParticipant moved = participant("p1", enrolled("p1", entry(Gender.MAN, 17, "educationLevel", "ISCED_0_2")),
                corrected("p1", entry(Gender.WOMAN, 19, "educationLevel", "ISCED_3_4"), T0.plusSeconds(5)));

        ProjectFigures figures = figures(moved);

        assertThat(indicator(figures, "participants").byGender()).containsEntry(Gender.WOMAN, 1).containsEntry(Gender.MAN, 0);
        assertThat(List.of(total(figures, "age-below-18"), total(figures, "age-18-29"))).containsExactly(0, 1);
        assertThat(List.of(total(figures, "isced-0-2"), total(figures, "isced-3-4"))).containsExactly(0, 1);
    }

    @Test
    void job_searching_and_employed_upon_leaving_exclude_each_other_and_the_later_counts() {
        ProjectedParticipant employedLater = participant("p1", enrolled("p1", entry(Gender.MAN, 40)),
                outcome("p1", "o1", "JOB_SEARCHING", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(30)),
                outcome("p1", "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 5), T0.plusSeconds(10)));
        ProjectedParticipant searchingLaterSameDay = participant("p2", enrolled("p2", entry(Gender.WOMAN, 40)),
                outcome("p2", "o3", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(10)),
                outcome("p2", "o4", "JOB_SEARCHING", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(20)));

        ProjectFigures figures = figures(employedLater, searchingLaterSameDay);

        assertThat(indicator(figures, "employed-upon-leaving").byGender()).containsEntry(Gender.MAN, 1).containsEntry(Gender.WOMAN, 0);
        assertThat(indicator(figures, "job-searching-upon-leaving").byGender()).containsEntry(Gender.WOMAN, 1).containsEntry(Gender.MAN, 0);
    }

    @Test
    void retracting_the_later_of_job_searching_and_employed_lets_the_earlier_count_again() {
        ProjectedParticipant participant = participant("p1", enrolled("p1", entry(Gender.MAN, 40)),
                outcome("p1", "o1", "JOB_SEARCHING", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(10)),
                outcome("p1", "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 5), T0.plusSeconds(20)),
                outcomeRetracted("p1", "o2", T0.plusSeconds(30)));

        ProjectFigures figures = figures(participant);

        assertThat(total(figures, "employed-upon-leaving")).isZero();
        assertThat(total(figures, "job-searching-upon-leaving")).isEqualTo(1);
    }

    @Test
    void an_outcome_counts_only_at_its_follow_up_point() {
        ProjectedParticipant participant = participant("p1", enrolled("p1", entry(Gender.MAN, 40)),
                outcome("p1", "o1", "EMPLOYED", "MONTHS_6", LocalDate.of(2026, 1, 20), T0.plusSeconds(10)),
                outcome("p1", "o2", "IMPROVED_LABOUR_MARKET_SITUATION", "DAYS_90", LocalDate.of(2025, 10, 20), T0.plusSeconds(20)));

        ProjectFigures figures = figures(participant);

        assertThat(total(figures, "employed-six-months")).isEqualTo(1);
        assertThat(total(figures, "employed-upon-leaving")).isZero();
        assertThat(total(figures, "improved-situation-six-months")).isZero();
    }

    @Test
    void an_improved_situation_six_months_after_leaving_counts_only_participants_employed_at_entry() {
        ProjectedParticipant employedAtEntry = participant("p1", enrolled("p1", entry(Gender.WOMAN, 35, "labourMarketStatus", "EMPLOYED")),
                outcome("p1", "o1", "IMPROVED_LABOUR_MARKET_SITUATION", "MONTHS_6", LocalDate.of(2026, 1, 20), T0.plusSeconds(10)));
        ProjectedParticipant unemployedAtEntry = participant("p2", enrolled("p2", entry(Gender.MAN, 35, "labourMarketStatus", "UNEMPLOYED")),
                outcome("p2", "o2", "IMPROVED_LABOUR_MARKET_SITUATION", "MONTHS_6", LocalDate.of(2026, 1, 20), T0.plusSeconds(10)));
        ProjectedParticipant employedWithoutImprovement = participant("p3",
                enrolled("p3", entry(Gender.MAN, 35, "labourMarketStatus", "EMPLOYED")),
                outcome("p3", "o3", "EMPLOYED", "MONTHS_6", LocalDate.of(2026, 1, 20), T0.plusSeconds(10)));

        ProjectFigures figures = figures(employedAtEntry, unemployedAtEntry, employedWithoutImprovement);

        assertThat(indicator(figures, "improved-situation-six-months").byGender()).containsEntry(Gender.WOMAN, 1)
                .containsEntry(Gender.MAN, 0);
        assertThat(total(figures, "improved-situation-six-months")).isEqualTo(1);
        assertThat(total(figures, "employed-six-months")).isEqualTo(1);
    }

    @Test
    void an_outcome_counts_at_the_point_its_event_carries_whatever_its_date_says() {
        ProjectedParticipant participant = participant("p1", enrolled("p1", entry(Gender.MAN, 40)), InventedParticipants.left("p1"),
                outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 12, 1), T0.plusSeconds(10)),
                outcome("p1", "o2", "GAINED_QUALIFICATION", "MONTHS_6", LocalDate.of(2025, 7, 25), T0.plusSeconds(20)));

        ProjectFigures figures = figures(participant);

        assertThat(total(figures, "employed-upon-leaving")).as("filed upon leaving by outcome-service, 134 days after").isEqualTo(1);
        assertThat(total(figures, "employed-six-months")).isZero();
        assertThat(total(figures, "qualification-upon-leaving")).as("filed at six months, 5 days after leaving").isZero();
    }

    @Test
    void a_retracted_outcome_or_activity_stops_counting() {
        ProjectedParticipant participant = participant("p1", enrolled("p1", entry(Gender.MAN, 40)),
                activity("p1", "a1", "DIGITAL_GUIDANCE"), activityRetracted("p1", "a1"),
                outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(10)),
                outcomeRetracted("p1", "o1", T0.plusSeconds(20)));
        List<TargetDefinition> targets = List.of(target("guided", 10, TargetUnit.PARTICIPANTS, Set.of(), Set.of("DIGITAL_GUIDANCE"),
                null, Map.of()));

        ProjectFigures figures = figures(targets, participant);

        assertThat(total(figures, "employed-upon-leaving")).isZero();
        assertThat(figures.targets().get(0).counted()).isZero();
    }

    @Test
    void erasure_keeps_the_anonymous_contribution() {
        ProjectedParticipant before = participant("p1", enrolled("p1", entry(Gender.WOMAN, 22, "homeless", "true")),
                outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(10)));
        ProjectedParticipant after = participant("p1", enrolled("p1", entry(Gender.WOMAN, 22, "homeless", "true")),
                outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(10)), erased("p1"));

        assertThat(figures(after).indicators()).isEqualTo(figures(before).indicators());
    }

    @Test
    void a_participant_whose_enrolment_has_not_landed_does_not_count_yet() {
        ProjectedParticipant early = participant("p1", outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0));

        assertThat(figures(early).participants()).isZero();
        assertThat(total(figures(early), "employed-upon-leaving")).isZero();
    }

    @Test
    void a_target_without_types_counts_every_participant() {
        List<TargetDefinition> targets = List.of(target("participants", 120, TargetUnit.PARTICIPANTS, Set.of(), Set.of(), null, Map.of()));

        TargetFigures figures = figures(targets, participant("p1", enrolled("p1", entry(Gender.MAN, 30))),
                participant("p2", enrolled("p2", entry(Gender.WOMAN, 30)))).targets().get(0);

        assertThat(figures.actual()).isEqualByComparingTo("2");
        assertThat(figures.target().target()).isEqualTo(120);
    }

    @Test
    void an_outcome_target_at_a_follow_up_point_counts_only_outcomes_there() {
        List<TargetDefinition> targets = List.of(target("work-90", 70, TargetUnit.PARTICIPANTS, Set.of("EMPLOYED"), Set.of(), "DAYS_90",
                Map.of()));

        TargetFigures figures = figures(targets,
                participant("p1", enrolled("p1", entry(Gender.MAN, 30)), InventedParticipants.left("p1"),
                        outcome("p1", "o1", "EMPLOYED", "DAYS_90", LocalDate.of(2025, 10, 20), T0)),
                participant("p2", enrolled("p2", entry(Gender.MAN, 30)), outcome("p2", "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0)))
                .targets().get(0);

        assertThat(figures.counted()).isEqualTo(1);
    }

    @Test
    void a_percent_target_reports_its_share_of_the_projects_participants() {
        List<TargetDefinition> targets = List.of(target("work-or-studies-90", 70, TargetUnit.PERCENT,
                Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"), Set.of(), null, Map.of()));
        List<ProjectedParticipant> participants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            participants.add(participant("p" + i, enrolled("p" + i, entry(Gender.MAN, 30))));
        }
        participants.get(0).apply(outcome("p0", "o1", "IN_EDUCATION_OR_TRAINING", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0));

        TargetFigures figures = engine.figures(project(targets), participants, TODAY).targets().get(0);

        assertThat(figures.counted()).isEqualTo(1);
        assertThat(figures.actual()).isEqualByComparingTo(new BigDecimal("33.3"));
    }

    @Test
    void a_target_with_gender_shares_reports_the_actual_shares_among_those_counted() {
        List<TargetDefinition> targets = List.of(target("work-or-studies", 60, TargetUnit.PARTICIPANTS,
                Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"), Set.of(), null, Map.of("WOMAN", 50, "MAN", 50)));
        ProjectedParticipant woman = participant("p1", enrolled("p1", entry(Gender.WOMAN, 30)),
                outcome("p1", "o1", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0));
        ProjectedParticipant man = participant("p2", enrolled("p2", entry(Gender.MAN, 30)),
                outcome("p2", "o2", "IN_EDUCATION_OR_TRAINING", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0));
        ProjectedParticipant otherMan = participant("p3", enrolled("p3", entry(Gender.MAN, 30)),
                outcome("p3", "o3", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0));
        ProjectedParticipant notCounted = participant("p4", enrolled("p4", entry(Gender.WOMAN, 30)));

        TargetFigures figures = figures(targets, woman, man, otherMan, notCounted).targets().get(0);

        assertThat(figures.counted()).isEqualTo(3);
        assertThat(figures.actualShares().get(Gender.WOMAN)).isEqualByComparingTo("33.3");
        assertThat(figures.actualShares().get(Gender.MAN)).isEqualByComparingTo("66.7");
        assertThat(figures.target().genderShares()).containsEntry("WOMAN", 50);
    }

    @Test
    void as_of_is_the_latest_event_the_figures_rest_on() {
        ProjectFigures figures = figures(participant("p1", enrolled("p1", entry(Gender.MAN, 30)), left("p1")));

        assertThat(figures.asOf()).isEqualTo(T0.plusSeconds(3600));
    }

    private static ParticipantEvent left(String participant) {
        return InventedParticipants.left(participant);
    }
}
