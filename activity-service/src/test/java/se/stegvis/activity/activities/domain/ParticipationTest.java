package se.stegvis.activity.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

class ParticipationTest {

    private static final LocalDate ENROLLED = LocalDate.of(2025, 2, 3);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final LocalDate LEFT = LocalDate.of(2025, 3, 1);
    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");

    private final Participation active = participation(null);
    private final Participation hasLeft = participation(LEFT);

    @Test
    void an_activity_of_an_offered_type_between_enrolment_and_today_is_recorded_with_its_facts() {
        UUID activityId = UUID.randomUUID();

        ActivityEvent.Recorded recorded = active.record(activityId, facts("DIGITAL_GUIDANCE", "2025-02-10", "1.5"), TODAY, NOW);

        assertThat(recorded.activityId()).isEqualTo(activityId);
        assertThat(recorded.participantId()).isEqualTo(active.participantId());
        assertThat(recorded.projectId()).isEqualTo("99-000-T01");
        assertThat(recorded.type()).isEqualTo("DIGITAL_GUIDANCE");
        assertThat(recorded.date()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(recorded.hours()).isEqualByComparingTo("1.5");
        assertThat(recorded.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void an_activity_on_the_enrolment_day_is_accepted_and_the_day_before_is_refused() {
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", ENROLLED.toString(), "2"), TODAY, NOW)).isNotNull();

        assertRefused(active, facts("WORK_TRAINING", ENROLLED.minusDays(1).toString(), "2"), "/date");
    }

    @Test
    void an_activity_today_is_accepted_and_tomorrow_is_refused() {
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", TODAY.toString(), "2"), TODAY, NOW)).isNotNull();

        assertRefused(active, facts("WORK_TRAINING", TODAY.plusDays(1).toString(), "2"), "/date");
    }

    @Test
    void an_activity_on_the_leaving_day_is_accepted() {
        assertThat(hasLeft.record(UUID.randomUUID(), facts("WORK_TRAINING", LEFT.toString(), "2"), TODAY, NOW)).isNotNull();
    }

    @Test
    void an_activity_dated_after_leaving_is_refused() {
        assertRefused(hasLeft, facts("WORK_TRAINING", LEFT.plusDays(1).toString(), "2"), "/date");
    }

    @Test
    void a_type_the_project_does_not_offer_is_refused() {
        assertRefused(active, facts("INTERNSHIP", "2025-02-10", "1"), "/type");
    }

    @Test
    void hours_must_be_more_than_zero_at_most_a_day_and_in_hundredths() {
        assertRefused(active, facts("WORK_TRAINING", "2025-02-10", "0"), "/hours");
        assertRefused(active, facts("WORK_TRAINING", "2025-02-10", "-1"), "/hours");
        assertRefused(active, facts("WORK_TRAINING", "2025-02-10", "24.01"), "/hours");
        assertRefused(active, facts("WORK_TRAINING", "2025-02-10", "0.125"), "/hours");
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", "2025-02-10", "24"), TODAY, NOW)).isNotNull();
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", "2025-02-10", "0.25"), TODAY, NOW)).isNotNull();
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", "2025-02-10", "1.500"), TODAY, NOW).hours())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void hours_are_kept_without_trailing_zeros_and_never_in_exponent_form() {
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", "2025-02-10", "1.50"), TODAY, NOW).hours())
                .hasToString("1.5");
        assertThat(active.record(UUID.randomUUID(), facts("WORK_TRAINING", "2025-02-10", "20.0"), TODAY, NOW).hours())
                .hasToString("20");
    }

    @Test
    void every_broken_rule_and_every_missing_field_is_reported_at_once() {
        assertThatThrownBy(() -> active.record(UUID.randomUUID(), facts("INTERNSHIP", "2025-01-01", "25"), TODAY, NOW))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).extracting(Violation::pointer)
                        .containsExactly("/type", "/date", "/hours"));
        assertThatThrownBy(() -> active.record(UUID.randomUUID(), new ActivityFacts(null, null, null), TODAY, NOW))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer, Violation::message)
                        .containsExactly(tuple("/type", "is required"),
                                tuple("/date", "is required"),
                                tuple("/hours", "is required")));
    }

    private static void assertRefused(Participation participation, ActivityFacts facts, String pointer) {
        assertThatThrownBy(() -> participation.record(UUID.randomUUID(), facts, TODAY, NOW))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).extracting(Violation::pointer)
                        .containsExactly(pointer));
    }

    static ActivityFacts facts(String type, String date, String hours) {
        return new ActivityFacts(type, LocalDate.parse(date), new BigDecimal(hours));
    }

    private static Participation participation(LocalDate leftOn) {
        return new Participation(UUID.randomUUID(), "99-000-T01", ENROLLED, leftOn, false,
                List.of("DIGITAL_GUIDANCE", "WORK_TRAINING"));
    }
}
