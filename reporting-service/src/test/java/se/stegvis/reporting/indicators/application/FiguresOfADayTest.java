package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.STOCKHOLM;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.TargetDefinition;
import se.stegvis.reporting.indicators.domain.TargetFigures;
import se.stegvis.reporting.indicators.domain.TargetUnit;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

/**
 * The views are of today by the service's clock, or of an earlier day when asked: the running counts are today's and
 * are made again once the day has changed, since a follow-up point coming changes a share without any event.
 */
class FiguresOfADayTest {

    private static final Caller STAFF = new Caller("staff-of-the-project", Set.of(), Map.of(PROJECT, ProjectRole.STAFF));
    private static final String ALEX = "0b6c3c9e-2222-4aaa-8bbb-000000000001";
    private static final String SAM = "0b6c3c9e-2222-4aaa-8bbb-000000000002";
    private static final LocalDate LEFT = LocalDate.of(2025, 4, 1);
    private static final LocalDate DUE = LEFT.plusDays(90);

    /** A clock whose day the test turns, at noon in Stockholm. */
    private static final class TurningClock extends Clock {
        private LocalDate day;

        TurningClock(LocalDate day) {
            this.day = day;
        }

        @Override
        public ZoneId getZone() {
            return STOCKHOLM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return day.atTime(12, 0).atZone(STOCKHOLM).toInstant();
        }
    }

    private final TurningClock clock = new TurningClock(DUE.minusDays(1));
    private final InMemoryStores stores = new InMemoryStores();
    private final IndicatorEngine engine = new IndicatorEngine(CATALOGUE);
    private final WorkingState state = new WorkingState(stores, stores);
    private final IndicatorTally tally = new IndicatorTally(state, engine, clock);
    private final IndicatorProjection projection = new IndicatorProjection(state, stores, stores, tally);
    private final ReadIndicators read = new ReadIndicators(tally, CATALOGUE);

    {
        projection.apply(List.of(InventedParticipants.project(List.of(new TargetDefinition("work-or-studies-90-days", 70,
                TargetUnit.PERCENT, Set.of("EMPLOYED", "IN_EDUCATION_OR_TRAINING"), Set.of(), "DAYS_90", Map.of())))));
        projection.apply(List.of(
                InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.WOMAN, 30, "enrolledOn", "2025-01-13")),
                new ParticipantEvent.Left(UUID.randomUUID().toString(), T0.plusSeconds(60), PROJECT, ALEX, LEFT)));
    }

    private TargetFigures share() {
        return read.ofProject(STAFF, PROJECT).targets().get(0);
    }

    /** The project counted from scratch over the working state, for the day. */
    private ProjectFigures countedAfresh(LocalDate day) {
        return engine.figures(stores.project(PROJECT).orElseThrow(), stores.ofProject(PROJECT), day);
    }

    private void checkpoint() {
        projection.store(projection.takeChanges());
    }

    @Test
    void the_share_is_counted_again_on_the_day_the_follow_up_point_comes_without_any_event() {
        assertThat(share()).extracting(TargetFigures::denominator, TargetFigures::counted, TargetFigures::actual)
                .containsExactly(0, 0, null);

        clock.day = DUE;

        assertThat(share()).extracting(TargetFigures::denominator, TargetFigures::counted, TargetFigures::actual)
                .containsExactly(1, 0, new BigDecimal("0.0"));
        assertThat(read.ofProject(STAFF, PROJECT).day()).isEqualTo(DUE);
    }

    @Test
    void a_batch_applied_after_the_day_changed_and_before_anyone_asked_ends_in_todays_counts() {
        assertThat(share().denominator()).isZero(); // counted for the day before the point comes
        clock.day = DUE;

        projection.apply(List.of(InventedParticipants.outcome(ALEX, "o1", "EMPLOYED", "DAYS_90", DUE, T0.plusSeconds(120))));

        checkpoint();
        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(countedAfresh(DUE));
        assertThat(share()).extracting(TargetFigures::denominator, TargetFigures::counted, TargetFigures::actual)
                .containsExactly(1, 1, new BigDecimal("100.0"));
    }

    @Test
    void the_running_counts_follow_each_batch_within_a_day() {
        clock.day = DUE.plusDays(10);
        share();
        projection.apply(List.of(InventedParticipants.enrolled(SAM, InventedParticipants.entry(Gender.MAN, 50, "enrolledOn", "2025-01-20")),
                new ParticipantEvent.Left(UUID.randomUUID().toString(), T0.plusSeconds(60), PROJECT, SAM, LEFT.plusDays(5))));
        projection.apply(List.of(InventedParticipants.outcome(SAM, "o2", "IN_EDUCATION_OR_TRAINING", "DAYS_90", DUE.plusDays(6),
                T0.plusSeconds(180))));

        checkpoint();
        assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(countedAfresh(DUE.plusDays(10)));
        assertThat(share()).extracting(TargetFigures::denominator, TargetFigures::counted, TargetFigures::actual)
                .containsExactly(2, 1, new BigDecimal("50.0"));
    }

    @Test
    void an_earlier_day_is_counted_from_the_working_state_by_the_business_dates() {
        clock.day = DUE.plusDays(30);
        projection.apply(List.of(InventedParticipants.outcome(ALEX, "o1", "EMPLOYED", "DAYS_90", DUE.plusDays(3), T0.plusSeconds(120))));
        checkpoint();

        assertThat(List.of(DUE.minusDays(1), DUE, DUE.plusDays(3)).stream()
                .map(day -> read.ofProject(STAFF, PROJECT, day).targets().get(0)).toList())
                .extracting(TargetFigures::denominator, TargetFigures::counted)
                .containsExactly(tuple(0, 0), tuple(1, 0), tuple(1, 1));
        assertThat(read.ofProject(STAFF, PROJECT, LocalDate.of(2025, 1, 12)).participants()).as("the day before the enrolment").isZero();
        assertThat(read.ofProject(STAFF, PROJECT, DUE)).isEqualTo(countedAfresh(DUE));
        assertThat(read.consolidated(STAFF, DUE).day()).isEqualTo(DUE);
        assertThat(read.consolidated(STAFF, DUE).projects().get(0).indicators().get(0).total()).as("1 participant, withheld").isNull();
    }

    @Test
    void today_asked_for_by_its_date_is_todays_view_and_a_day_after_today_is_refused_naming_as_of() {
        clock.day = DUE;

        assertThat(read.ofProject(STAFF, PROJECT, DUE)).isEqualTo(read.ofProject(STAFF, PROJECT));
        for (Runnable future : List.<Runnable>of(() -> read.ofProject(STAFF, PROJECT, DUE.plusDays(1)),
                () -> read.consolidated(STAFF, DUE.plusDays(1)))) {
            assertThatThrownBy(future::run).isInstanceOf(InvalidCommand.class)
                    .extracting(e -> ((InvalidCommand) e).violations().stream().map(Violation::pointer).toList())
                    .isEqualTo(List.of("asOf"));
        }
    }
}
