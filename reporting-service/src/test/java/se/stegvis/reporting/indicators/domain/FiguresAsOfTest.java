package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.enrolled;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.entry;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.outcome;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.outcomeRetracted;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.participant;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Figures as they stood on a day, by the business dates: enrolment, leaving, outcome and activity dates on or before
 * it, and the follow-up points that had come by then. What was recorded later about earlier days counts on them
 * (an outcome recorded today, dated last week, counts last week), and a retraction takes its record out of every day.
 */
class FiguresAsOfTest {

    private final IndicatorEngine engine = new IndicatorEngine(CATALOGUE);
    private final TargetDefinition guided = new TargetDefinition("guided", 10, TargetUnit.PARTICIPANTS, Set.of(),
            Set.of("DIGITAL_GUIDANCE"), null, Map.of());

    /** Enrolled 1 March 2025, guided 10 March, left 20 July, job searching 21 July, employed 30 July. */
    private final ProjectedParticipant alex = participant("alex", enrolled("alex", entry(Gender.WOMAN, 24, "enrolledOn", "2025-03-01")),
            new ParticipantEvent.ActivityRecorded(UUID.randomUUID().toString(), T0.plusSeconds(5), PROJECT, "alex",
                    new RecordedActivity("a1", "DIGITAL_GUIDANCE", LocalDate.of(2025, 3, 10))),
            new ParticipantEvent.Left(UUID.randomUUID().toString(), T0.plusSeconds(10), PROJECT, "alex", LocalDate.of(2025, 7, 20)),
            outcome("alex", "o1", "JOB_SEARCHING", "UPON_LEAVING", LocalDate.of(2025, 7, 21), T0.plusSeconds(20)),
            outcome("alex", "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 7, 30), T0.plusSeconds(30)));

    private ProjectFigures on(String day, ProjectedParticipant... participants) {
        return engine.figures(project(List.of(guided)), List.of(participants), LocalDate.parse(day));
    }

    private static int total(ProjectFigures figures, String code) {
        return figures.indicators().stream().filter(count -> count.code().equals(code)).findFirst().orElseThrow().total();
    }

    @ParameterizedTest(name = "on {0}: participants {1}, guided {2}, job searching {3}, employed upon leaving {4}")
    @CsvSource({
            "2025-02-28, 0, 0, 0, 0",
            "2025-03-01, 1, 0, 0, 0",
            "2025-03-09, 1, 0, 0, 0",
            "2025-03-10, 1, 1, 0, 0",
            "2025-07-20, 1, 1, 0, 0",
            "2025-07-21, 1, 1, 1, 0",
            "2025-07-29, 1, 1, 1, 0",
            "2025-07-30, 1, 1, 0, 1"})
    void a_participant_counts_from_the_days_their_enrolment_activity_and_outcomes_are_dated(String day, int participants, int guided,
            int jobSearching, int employed) {
        ProjectFigures figures = on(day, alex);

        assertThat(List.of(figures.participants(), figures.targets().get(0).counted(), total(figures, "job-searching-upon-leaving"),
                total(figures, "employed-upon-leaving"))).containsExactly(participants, guided, jobSearching, employed);
        assertThat(figures.day()).isEqualTo(LocalDate.parse(day));
    }

    @Test
    void a_retracted_outcome_counts_on_no_day_even_one_before_its_retraction_was_recorded() {
        ProjectedParticipant retracted = participant("sam", enrolled("sam", entry(Gender.MAN, 40, "enrolledOn", "2025-03-01")),
                outcome("sam", "o3", "EMPLOYED", "DURING_PARTICIPATION", LocalDate.of(2025, 4, 1), T0.plusSeconds(10)),
                outcomeRetracted("sam", "o3", T0.plusSeconds(20)));

        assertThat(engine.figures(project(List.of(new TargetDefinition("work", 1, TargetUnit.PARTICIPANTS, Set.of("EMPLOYED"), Set.of(),
                null, Map.of()))), List.of(retracted), LocalDate.of(2025, 4, 2)).targets().get(0).counted()).isZero();
    }

    @Test
    void the_follow_up_points_come_on_their_due_days_after_leaving() {
        LocalDate left = LocalDate.of(2024, 8, 31);

        assertThat(CATALOGUE.followUpsCome(left, left.minusDays(1))).isEmpty();
        assertThat(CATALOGUE.followUpsCome(left, left)).containsExactly("UPON_LEAVING");
        assertThat(CATALOGUE.followUpsCome(left, left.plusDays(89))).containsExactly("UPON_LEAVING");
        assertThat(CATALOGUE.followUpsCome(left, left.plusDays(90))).containsExactlyInAnyOrder("UPON_LEAVING", "DAYS_90");
        assertThat(CATALOGUE.followUpsCome(left, LocalDate.of(2025, 2, 27))).containsExactlyInAnyOrder("UPON_LEAVING", "DAYS_90");
        assertThat(CATALOGUE.followUpsCome(left, LocalDate.of(2025, 2, 28))).as("31 August + 6 months, as outcome-service counts")
                .containsExactlyInAnyOrder("UPON_LEAVING", "DAYS_90", "MONTHS_6");
        assertThat(CATALOGUE.followUpsCome(null, LocalDate.of(2030, 1, 1))).as("still taking part").isEmpty();
    }
}
