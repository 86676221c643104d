package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.access.ProjectRole;
import se.stegvis.access.Refused;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ReportTable;
import se.stegvis.reporting.indicators.domain.ReportTable.Column;
import se.stegvis.reporting.indicators.domain.ReportTable.Difference;
import se.stegvis.reporting.indicators.domain.ReportTable.Kind;
import se.stegvis.reporting.indicators.domain.TargetUnit;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;

/**
 * The ESF+ report's rules on the use case: who reads and who submits, which cut-offs may be asked for and submitted,
 * that a submission freezes what was sent, and that later events show as exact differences against it.
 */
class EsfReportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final LocalDate DECEMBER = LocalDate.of(2025, 12, 31);
    private static final Clock CLOCK = InventedParticipants.clockOn(TODAY);
    private static final Caller STAFF = member(ProjectRole.STAFF);
    private static final Caller OWNER = member(ProjectRole.OWNER);

    private final InMemoryStores stores = new InMemoryStores();
    private final WorkingState state = new WorkingState(stores, stores);
    private final IndicatorTally tally = new IndicatorTally(state, new IndicatorEngine(CATALOGUE), CLOCK);
    private final IndicatorProjection projection = new IndicatorProjection(state, stores, stores, tally);
    private final Kept kept = new Kept();
    private final AtomicInteger written = new AtomicInteger();
    private boolean current = true;
    private final ViewCurrency currency = new ViewCurrency(new Replay() {
        @Override
        public RebuildProgress requestRebuild() {
            return RebuildProgress.NONE;
        }

        @Override
        public RebuildProgress progress() {
            return RebuildProgress.NONE;
        }
    }, () -> new ProjectionLag.Reading(false, current, 0L), 1000);
    /** Writes bytes that differ at each call, as POI's do: what is served as submitted must be what was stored. */
    private final ReportDocuments documents = new ReportDocuments() {
        @Override
        public byte[] csv(ReportTable table) {
            return ("csv " + written.incrementAndGet() + " " + table.rows().size()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] xlsx(ReportTable table) {
            return ("xlsx " + written.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
        }
    };
    private final EsfReports reports = new EsfReports(new ReadIndicators(tally, CATALOGUE), tally, CATALOGUE, currency, kept,
            documents, CLOCK);

    {
        ProjectDefinition project = InventedParticipants.project(List.of(InventedParticipants.target("work", 10, TargetUnit.PARTICIPANTS,
                Set.of("EMPLOYED"), Set.of(), "UPON_LEAVING", Map.of())));
        projection.apply(List.of(new ProjectDefinition(project.eventId(), project.occurredAt(), PROJECT, project.name(),
                project.regionName(), project.nuts2(), project.plannedParticipants(), project.targets(), project.targetGroups(),
                LocalDate.of(2025, 2, 1))));
        projection.apply(List.of(InventedParticipants.enrolled("p1", InventedParticipants.entry(Gender.MAN, 30)),
                InventedParticipants.left("p1"),
                InventedParticipants.enrolled("p2", InventedParticipants.entry(Gender.WOMAN, 40)),
                InventedParticipants.erased("p2")));
    }

    private static Caller member(ProjectRole role) {
        return new Caller("owner-subject", Set.of(), Map.of(PROJECT, role));
    }

    /** The submitted reports in memory, refusing a second one of a project and cut-off as the unique key does. */
    static final class Kept implements SubmittedReports {
        final List<SubmittedReport> all = new ArrayList<>();

        @Override
        public synchronized boolean add(SubmittedReport report) {
            if (find(report.projectId(), report.cutOff()).isPresent()) {
                return false;
            }
            return all.add(report);
        }

        @Override
        public synchronized Optional<SubmittedReport> find(String projectId, LocalDate cutOff) {
            return all.stream().filter(r -> r.projectId().equals(projectId) && r.cutOff().equals(cutOff)).findFirst();
        }

        @Override
        public synchronized List<SubmittedReport> ofProject(String projectId) {
            return all.stream().filter(r -> r.projectId().equals(projectId)).toList();
        }
    }

    @Test
    void the_periods_run_from_the_project_start_to_the_latest_passed_cut_off_and_say_which_were_submitted() {
        assertThat(reports.periods(STAFF, PROJECT)).extracting(p -> p.period().cutOff(), p -> p.submitted().isPresent())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 6, 30), false),
                        org.assertj.core.groups.Tuple.tuple(DECEMBER, false));
        reports.submit(OWNER, PROJECT, DECEMBER);
        assertThat(reports.periods(OWNER, PROJECT).get(1).submitted()).hasValueSatisfying(
                sent -> assertThat(sent.submittedBy()).isEqualTo("owner-subject"));
    }

    @Test
    void the_report_is_the_projects_figures_of_the_cut_off_day() {
        ReportTable report = reports.report(STAFF, PROJECT, DECEMBER).now();
        assertThat(report).isEqualTo(ReportTable.of(new ReadIndicators(tally, CATALOGUE).ofProject(STAFF, PROJECT, DECEMBER), CATALOGUE));
        assertThat(report.rows().get(0)).extracting(ReportTable.Row::code, ReportTable.Row::total).containsExactly("participants", 2);
        assertThat(reports.report(STAFF, PROJECT, LocalDate.of(2024, 12, 31)).now().rows().get(0).total()).isZero();
    }

    @Test
    void staff_and_owners_read_only_owners_submit_and_strangers_are_refused_before_anything_is_judged() {
        for (Caller reader : List.of(STAFF, OWNER)) {
            assertThat(reports.periods(reader, PROJECT)).isNotEmpty();
            assertThat(reports.report(reader, PROJECT, DECEMBER).now().projectId()).isEqualTo(PROJECT);
            assertThat(reports.csv(reader, PROJECT, DECEMBER)).isNotEmpty();
            assertThat(reports.xlsx(reader, PROJECT, DECEMBER)).isNotEmpty();
        }
        assertThatThrownBy(() -> reports.submit(STAFF, PROJECT, DECEMBER)).isInstanceOf(Refused.class);
        List<Caller> strangers = List.of(new Caller("x", Set.of(), Map.of("98-000-OTHER", ProjectRole.OWNER)),
                new Caller("y", Set.of(GlobalRole.values()), Map.of()));
        for (Caller stranger : strangers) {
            assertThatThrownBy(() -> reports.periods(stranger, PROJECT)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> reports.report(stranger, PROJECT, LocalDate.of(2999, 1, 1))).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> reports.csv(stranger, PROJECT, DECEMBER)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> reports.xlsx(stranger, PROJECT, DECEMBER)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> reports.submitted(stranger, PROJECT, DECEMBER)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> reports.submit(stranger, PROJECT, DECEMBER)).isInstanceOf(Refused.class);
        }
        Caller ownerOfNone = new Caller("z", Set.of(), Map.of("99-999-NONE", ProjectRole.OWNER));
        assertThatThrownBy(() -> reports.report(ownerOfNone, "99-999-NONE", DECEMBER)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> reports.submit(ownerOfNone, "99-999-NONE", DECEMBER)).isInstanceOf(NotFound.class);
        assertThat(kept.all).isEmpty();
    }

    @Test
    void a_cut_off_is_30_june_or_31_december_that_has_come_and_is_submitted_only_once_it_has_passed() {
        for (LocalDate bad : List.of(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))) {
            assertThatThrownBy(() -> reports.report(STAFF, PROJECT, bad)).isInstanceOfSatisfying(InvalidCommand.class,
                    e -> assertThat(e.violations().get(0).pointer()).isEqualTo(EsfReports.CUT_OFF));
            assertThatThrownBy(() -> reports.submit(OWNER, PROJECT, bad)).isInstanceOf(InvalidCommand.class);
        }
        IndicatorTally onTheDay = new IndicatorTally(state, new IndicatorEngine(CATALOGUE), InventedParticipants.clockOn(DECEMBER));
        EsfReports onTheCutOff = new EsfReports(new ReadIndicators(onTheDay, CATALOGUE), onTheDay, CATALOGUE, currency, kept,
                documents, CLOCK);
        assertThat(onTheCutOff.report(STAFF, PROJECT, DECEMBER).now().cutOff()).as("readable on the day").isEqualTo(DECEMBER);
        assertThatThrownBy(() -> onTheCutOff.submit(OWNER, PROJECT, DECEMBER)).isInstanceOfSatisfying(InvalidCommand.class,
                e -> assertThat(e.violations().get(0).message()).contains("not passed"));
        assertThat(kept.all).isEmpty();
    }

    @Test
    void a_report_is_submitted_once_and_not_while_the_figures_are_not_final() {
        current = false;
        assertThatThrownBy(() -> reports.submit(OWNER, PROJECT, DECEMBER)).isInstanceOf(FiguresNotFinal.class);
        assertThat(kept.all).isEmpty();
        current = true;
        reports.submit(OWNER, PROJECT, DECEMBER);
        assertThatThrownBy(() -> reports.submit(OWNER, PROJECT, DECEMBER)).isInstanceOf(ReportAlreadySubmitted.class);
        assertThat(kept.all).hasSize(1);
        assertThatThrownBy(() -> reports.submitted(STAFF, PROJECT, LocalDate.of(2025, 6, 30))).isInstanceOf(NotFound.class);
    }

    @Test
    void after_submission_a_late_outcome_is_an_exact_difference_an_erasure_a_count_and_what_was_sent_stays() {
        SubmittedReport sent = reports.submit(OWNER, PROJECT, DECEMBER);
        byte[] csv = sent.csv().clone();
        byte[] xlsx = sent.xlsx().clone();
        EsfReports.Report before = reports.report(STAFF, PROJECT, DECEMBER);
        assertThat(before.differences()).isEmpty();
        assertThat(before.erasedSinceSubmission()).as("p2 was erased before it was sent").isZero();

        Instant after = CLOCK.instant().plusSeconds(60);
        projection.apply(List.<ParticipantEvent>of(
                InventedParticipants.outcome("p1", "late", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 7, 20), after),
                InventedParticipants.outcome("p1", "next-year", "IN_EDUCATION_OR_TRAINING", "UPON_LEAVING", LocalDate.of(2026, 1, 2), after),
                new ParticipantEvent.Erased("e1", after, PROJECT, "p1")));

        EsfReports.Report now = reports.report(STAFF, PROJECT, DECEMBER);
        assertThat(now.differences()).containsExactlyInAnyOrder(
                new Difference(Kind.INDICATOR, "employed-upon-leaving", Column.TOTAL, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE),
                new Difference(Kind.INDICATOR, "employed-upon-leaving", Column.MAN, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE),
                new Difference(Kind.TARGET, "work", Column.TOTAL, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE),
                new Difference(Kind.TARGET, "work", Column.MAN, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE),
                new Difference(Kind.TARGET, "work", Column.ACTUAL, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE));
        assertThat(now.erasedSinceSubmission()).isEqualTo(1);
        assertThat(now.submitted()).hasValue(sent);
        assertThat(now.submitted().get().figures()).isEqualTo(before.now());
        SubmittedReport stored = reports.submitted(STAFF, PROJECT, DECEMBER);
        assertThat(stored.csv()).isEqualTo(csv);
        assertThat(stored.xlsx()).isEqualTo(xlsx);
        assertThat(reports.csv(STAFF, PROJECT, DECEMBER)).as("the current download is written anew").isNotEqualTo(csv);
        assertThat(T0).isBefore(sent.submittedAt());
    }
}
