package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.TODAY;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.activity;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.enrolled;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.entry;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.outcome;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.participant;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * How a target is measured: a share at a follow-up point is taken of those for whom the point has come, and a target
 * of one target group counts only that group; every indicator is broken down by target group as well.
 */
class TargetMeasurementTest {

    /** Vägen till målet's kind of target: 70 % in work or studies 90 days after leaving. */
    private static final TargetDefinition WORK_OR_STUDIES_90 = new TargetDefinition("work-or-studies-90-days", 70, TargetUnit.PERCENT,
            Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"), Set.of(), "DAYS_90", Map.of());

    private static final LocalDate EARLY_LEAVING = LocalDate.of(2025, 1, 10);
    private static final LocalDate EARLY_DUE = EARLY_LEAVING.plusDays(90);
    private static final LocalDate LATE_LEAVING = LocalDate.of(2025, 3, 1);
    private static final LocalDate LATE_DUE = LATE_LEAVING.plusDays(90);

    private final IndicatorEngine engine = new IndicatorEngine(CATALOGUE);

    /** Four who took part: two left early (one in work on day 95), one left later, one still takes part. */
    private final List<ProjectedParticipant> leavers = List.of(
            participant("early-in-work", enrolled("early-in-work", since(Gender.WOMAN)), left("early-in-work", EARLY_LEAVING),
                    outcome("early-in-work", "o1", "EMPLOYED", "DAYS_90", EARLY_LEAVING.plusDays(95), T0.plusSeconds(10))),
            participant("early-not-yet", enrolled("early-not-yet", since(Gender.MAN)), left("early-not-yet", EARLY_LEAVING)),
            participant("late", enrolled("late", since(Gender.MAN)), left("late", LATE_LEAVING)),
            participant("taking-part", enrolled("taking-part", since(Gender.WOMAN))));

    private TargetFigures share(LocalDate day) {
        return engine.figures(project(List.of(WORK_OR_STUDIES_90)), leavers, day).targets().get(0);
    }

    @Test
    void a_share_at_90_days_is_taken_of_those_whose_90_days_have_come_not_of_every_participant() {
        TargetFigures figures = share(TODAY);

        assertThat(figures.denominator()).as("the three who left 90 days ago or more").isEqualTo(3);
        assertThat(figures.counted()).isEqualTo(1);
        assertThat(figures.actual()).as("1 of 3, not 1 of 4").isEqualByComparingTo("33.3");
    }

    @Test
    void the_denominator_grows_on_the_day_a_follow_up_point_comes_and_not_the_day_before() {
        assertThat(List.of(share(EARLY_DUE.minusDays(1)), share(EARLY_DUE), share(EARLY_LEAVING.plusDays(95)),
                share(LATE_DUE.minusDays(1)), share(LATE_DUE)))
                .extracting(TargetFigures::denominator, TargetFigures::counted, TargetFigures::actual)
                .containsExactly(
                        tuple(0, 0, null),
                        tuple(2, 0, new BigDecimal("0.0")),
                        tuple(2, 1, new BigDecimal("50.0")),
                        tuple(2, 1, new BigDecimal("50.0")),
                        tuple(3, 1, new BigDecimal("33.3")));
    }

    @Test
    void an_outcome_filed_at_90_days_counts_only_once_the_point_has_come_for_its_participant() {
        ProjectedParticipant filedEarly = participant("filed-early", enrolled("filed-early", since(Gender.MAN)),
                left("filed-early", LATE_LEAVING), outcome("filed-early", "o9", "EMPLOYED", "DAYS_90", LATE_LEAVING.plusDays(29), T0));

        TargetFigures before = engine.figures(project(List.of(WORK_OR_STUDIES_90)), List.of(filedEarly), LATE_DUE.minusDays(1)).targets().get(0);
        TargetFigures on = engine.figures(project(List.of(WORK_OR_STUDIES_90)), List.of(filedEarly), LATE_DUE).targets().get(0);

        assertThat(List.of(before.counted(), before.denominator(), on.counted(), on.denominator())).containsExactly(0, 0, 1, 1);
    }

    @Test
    void a_target_without_a_follow_up_point_is_measured_among_every_participant() {
        TargetDefinition anyTime = new TargetDefinition("work-or-studies", 50, TargetUnit.PERCENT, Set.of("EMPLOYED"), Set.of(), null, Map.of());

        TargetFigures figures = engine.figures(project(List.of(anyTime)), leavers, TODAY).targets().get(0);

        assertThat(List.of(figures.counted(), figures.denominator())).containsExactly(1, 4);
        assertThat(figures.actual()).isEqualByComparingTo("25.0");
    }

    @Test
    void a_target_of_one_target_group_counts_and_is_measured_only_among_that_group() {
        List<ProjectedParticipant> utvag = List.of(
                guided("d1", "GANG_DEFECTOR", Gender.MAN), guided("d2", "GANG_DEFECTOR", Gender.MAN),
                guided("v1", "DOMESTIC_VIOLENCE_VICTIM", Gender.WOMAN),
                participant("v2", enrolled("v2", entry(Gender.WOMAN, 30, "targetGroup", "DOMESTIC_VIOLENCE_VICTIM"))));
        List<TargetDefinition> targets = List.of(
                new TargetDefinition("digital-guidance-gang-defectors", 60, TargetUnit.PARTICIPANTS, Set.of(), Set.of("DIGITAL_GUIDANCE"),
                        null, Map.of(), "GANG_DEFECTOR"),
                new TargetDefinition("digital-guidance-domestic-violence-victims", 60, TargetUnit.PARTICIPANTS, Set.of(),
                        Set.of("DIGITAL_GUIDANCE"), null, Map.of(), "DOMESTIC_VIOLENCE_VICTIM"),
                new TargetDefinition("victims-guided-share", 80, TargetUnit.PERCENT, Set.of(), Set.of("DIGITAL_GUIDANCE"), null, Map.of(),
                        "DOMESTIC_VIOLENCE_VICTIM"),
                new TargetDefinition("digital-guidance", 120, TargetUnit.PARTICIPANTS, Set.of(), Set.of("DIGITAL_GUIDANCE"), null, Map.of()));

        ProjectFigures figures = engine.figures(project(targets, List.of("GANG_DEFECTOR", "DOMESTIC_VIOLENCE_VICTIM")), utvag, TODAY);

        assertThat(figures.targets()).extracting(TargetFigures::counted, TargetFigures::denominator, TargetFigures::actual)
                .containsExactly(
                        tuple(2, 2, new BigDecimal("2")),
                        tuple(1, 2, new BigDecimal("1")),
                        tuple(1, 2, new BigDecimal("50.0")),
                        tuple(3, 4, new BigDecimal("3")));
    }

    @Test
    void every_indicator_is_broken_down_by_the_projects_target_groups_which_add_up_to_its_total() {
        List<ProjectedParticipant> participants = List.of(
                participant("d1", enrolled("d1", entry(Gender.MAN, 25, "targetGroup", "GANG_DEFECTOR", "educationLevel", "ISCED_0_2"))),
                participant("d2", enrolled("d2", entry(Gender.MAN, 31, "targetGroup", "GANG_DEFECTOR", "educationLevel", "ISCED_3_4"))),
                participant("v1", enrolled("v1", entry(Gender.WOMAN, 40, "targetGroup", "DOMESTIC_VIOLENCE_VICTIM",
                        "educationLevel", "ISCED_0_2"))));

        ProjectFigures figures = engine.figures(project(List.of(), List.of("GANG_DEFECTOR", "DOMESTIC_VIOLENCE_VICTIM", "PARENT")),
                participants, TODAY);

        assertThat(count(figures, "participants").byTargetGroup())
                .containsExactly(Map.entry("GANG_DEFECTOR", 2), Map.entry("DOMESTIC_VIOLENCE_VICTIM", 1), Map.entry("PARENT", 0));
        assertThat(count(figures, "isced-0-2").byTargetGroup())
                .containsExactly(Map.entry("GANG_DEFECTOR", 1), Map.entry("DOMESTIC_VIOLENCE_VICTIM", 1), Map.entry("PARENT", 0));
        assertThat(count(figures, "age-18-29").byTargetGroup())
                .containsExactly(Map.entry("GANG_DEFECTOR", 1), Map.entry("DOMESTIC_VIOLENCE_VICTIM", 0), Map.entry("PARENT", 0));
        for (IndicatorCount count : figures.indicators()) {
            assertThat(count.byTargetGroup().values().stream().mapToInt(Integer::intValue).sum()).as(count.code()).isEqualTo(count.total());
        }
    }

    @Test
    void a_participant_of_a_group_the_project_no_longer_lists_is_shown_under_that_group_after_the_projects_own() {
        ProjectedParticipant stray = participant("s1", enrolled("s1", entry(Gender.MAN, 25, "targetGroup", "FORMER_GROUP")));

        ProjectFigures figures = engine.figures(project(List.of(), List.of("GANG_DEFECTOR")), List.of(stray), TODAY);

        assertThat(count(figures, "participants").byTargetGroup())
                .containsExactly(Map.entry("GANG_DEFECTOR", 0), Map.entry("FORMER_GROUP", 1));
    }

    /** Enrolled in the autumn before anyone left. */
    private static EntryFacts since(Gender gender) {
        return entry(gender, 30, "enrolledOn", "2024-10-01");
    }

    private static ProjectedParticipant guided(String id, String group, Gender gender) {
        return participant(id, enrolled(id, entry(gender, 30, "targetGroup", group)), activity(id, "a-" + id, "DIGITAL_GUIDANCE"));
    }

    private static ParticipantEvent.Left left(String participant, LocalDate day) {
        return new ParticipantEvent.Left(UUID.randomUUID().toString(), T0.plusSeconds(3600), PROJECT, participant, day);
    }

    private static IndicatorCount count(ProjectFigures figures, String code) {
        return figures.indicators().stream().filter(count -> count.code().equals(code)).findFirst().orElseThrow();
    }
}
