package se.stegvis.reporting.indicators.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.domain.IndicatorCatalogue;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ReportTable;
import se.stegvis.reporting.indicators.domain.ReportingPeriod;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;

/**
 * The twice-yearly ESF+ report of a project: its figures as of a cut-off (30 June or 31 December), read by the same
 * use case as the project's indicator view of that day ({@link ReadIndicators}), so the two cannot disagree; and its
 * submission, which freezes what was sent.
 *
 * <p>Reading is for the project's STAFF and OWNERs, as its indicators are; submitting for its OWNERs only, since it
 * is what the project owner answers for to the managing authority. A submitted report is kept apart from the read
 * model and compared with today's figures of the same cut-off: a late-recorded outcome or activity dated on or before
 * it shows as a difference of its cells. An erasure changes no count (the anonymous contribution stays), so the
 * erasures since submission are given as a number beside the differences.
 */
public final class EsfReports {

    /** The name of the path parameter that names the cut-off, as a refusal names it. */
    public static final String CUT_OFF = "cutOff";

    /** A report, read: the period, the figures of its cut-off now, and what was submitted if it was. */
    public record Report(ReportingPeriod period, ReportTable now, Optional<SubmittedReport> submitted,
                         List<ReportTable.Difference> differences, Integer erasedSinceSubmission) {
    }

    /** One reporting period of a project and whether its report was submitted. */
    public record Period(ReportingPeriod period, Optional<SubmittedReport> submitted) {
    }

    private final ReadIndicators indicators;
    private final IndicatorTally tally;
    private final IndicatorCatalogue catalogue;
    private final ViewCurrency currency;
    private final SubmittedReports submitted;
    private final ReportDocuments documents;
    private final Clock clock;

    /** @param clock when a submission happened (its instant); which day is today is the tally's */
    public EsfReports(ReadIndicators indicators, IndicatorTally tally, IndicatorCatalogue catalogue, ViewCurrency currency,
            SubmittedReports submitted, ReportDocuments documents, Clock clock) {
        this.indicators = indicators;
        this.tally = tally;
        this.catalogue = catalogue;
        this.currency = currency;
        this.submitted = submitted;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * The project's reporting periods so far, oldest first: each cut-off from the project period's start to the latest
     * that has passed, and any other that was submitted.
     */
    public List<Period> periods(Caller caller, String projectId) {
        ProjectFigures today = indicators.ofProject(caller, projectId);
        Map<LocalDate, Period> periods = new TreeMap<>();
        ReportingPeriod.between(today.project().periodStart(), tally.today())
                .forEach(period -> periods.put(period.cutOff(), new Period(period, Optional.empty())));
        submitted.ofProject(projectId).forEach(report -> periods.put(report.cutOff(),
                new Period(new ReportingPeriod(report.cutOff()), Optional.of(report))));
        return new ArrayList<>(periods.values());
    }

    /** The report of the cut-off: its figures now and, once submitted, what was sent and how it differs now. */
    public Report report(Caller caller, String projectId, LocalDate cutOff) {
        ReportingPeriod period = readable(caller, projectId, cutOff);
        ReportTable now = table(caller, projectId, cutOff);
        Optional<SubmittedReport> sent = submitted.find(projectId, cutOff);
        return new Report(period, now, sent, sent.map(report -> now.differencesFrom(report.figures())).orElse(List.of()),
                sent.map(report -> tally.erasedSince(projectId, report.submittedAt())).orElse(null));
    }

    /**
     * The report of the cut-off as it was submitted; not found while it is not. The project is looked up by today's
     * figures (the running counts), not counted again as of the cut-off: the stored bytes need no counting.
     */
    public SubmittedReport submitted(Caller caller, String projectId, LocalDate cutOff) {
        readable(caller, projectId, cutOff);
        indicators.ofProject(caller, projectId);
        return submitted.find(projectId, cutOff).orElseThrow(() -> new NotFound("submitted report", projectId + "/" + cutOff));
    }

    /** The report's CSV as the figures stand now. */
    public byte[] csv(Caller caller, String projectId, LocalDate cutOff) {
        readable(caller, projectId, cutOff);
        return documents.csv(table(caller, projectId, cutOff));
    }

    /** The report's XLSX as the figures stand now. */
    public byte[] xlsx(Caller caller, String projectId, LocalDate cutOff) {
        readable(caller, projectId, cutOff);
        return documents.xlsx(table(caller, projectId, cutOff));
    }

    /**
     * Freezes the report of a cut-off that has passed, by the project's OWNER, while the figures are final: its figures
     * and both downloads are kept as they are now. Once only: a second submission, however close behind the first,
     * finds it kept and changes nothing.
     */
    public SubmittedReport submit(Caller caller, String projectId, LocalDate cutOff) {
        caller.require(caller.isOwnerOf(projectId), "submit a project's ESF+ report");
        ReportingPeriod period = come(cutOff);
        if (!period.hasPassed(tally.today())) {
            throw new InvalidCommand(CUT_OFF, "has not passed yet: a report is submitted from the day after its cut-off");
        }
        ViewCurrency.Stamped<ProjectFigures> read = currency.read(() -> indicators.ofProject(caller, projectId, cutOff));
        if (!read.currency().isCurrent()) {
            throw new FiguresNotFinal(read.currency());
        }
        if (submitted.find(projectId, cutOff).isPresent()) {
            throw new ReportAlreadySubmitted(projectId, cutOff);
        }
        ReportTable figures = ReportTable.of(read.view(), catalogue);
        SubmittedReport report = new SubmittedReport(projectId, cutOff, clock.instant(), caller.subject(), figures,
                documents.csv(figures), documents.xlsx(figures));
        if (!submitted.add(report)) {
            throw new ReportAlreadySubmitted(projectId, cutOff);
        }
        return report;
    }

    /** Refused to a stranger before the cut-off is judged; then the period, if the cut-off is one that has come. */
    private ReportingPeriod readable(Caller caller, String projectId, LocalDate cutOff) {
        caller.require(caller.isMemberOf(projectId), "read a project's ESF+ report");
        return come(cutOff);
    }

    /** The report's table as the project's figures of the cut-off day stand now: the indicator view's own use case. */
    private ReportTable table(Caller caller, String projectId, LocalDate cutOff) {
        return ReportTable.of(indicators.ofProject(caller, projectId, cutOff), catalogue);
    }

    /** The period the cut-off ends, if it is one and has come; else a 400 naming the cut-off. */
    private ReportingPeriod come(LocalDate cutOff) {
        if (!ReportingPeriod.isCutOff(cutOff)) {
            throw new InvalidCommand(CUT_OFF, "must be a cut-off, 30 June or 31 December (YYYY-06-30 or YYYY-12-31)");
        }
        ReportingPeriod period = new ReportingPeriod(cutOff);
        if (!period.hasCome(tally.today())) {
            throw new InvalidCommand(CUT_OFF, "must not be after today, " + tally.today() + ": a report is of a cut-off that has come");
        }
        return period;
    }
}
