package se.stegvis.reporting.indicators.adapter.in.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.reporting.indicators.application.EsfReports;
import se.stegvis.reporting.indicators.application.SubmittedReport;
import se.stegvis.reporting.indicators.application.ViewCurrency;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;

/**
 * The twice-yearly ESF+ report: a project's reporting periods, a report as JSON and as CSV or XLSX downloads, the
 * downloads as submitted (the stored bytes), and the submission that freezes it. EsfReports decides who may do what.
 */
@RestController
class ReportController {

    private static final String REPORTS = "/api/projects/{projectId}/reports";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EsfReports reports;
    private final ViewCurrency currency;

    ReportController(EsfReports reports, ViewCurrency currency) {
        this.reports = reports;
        this.currency = currency;
    }

    @GetMapping(REPORTS)
    ReportResponse.Periods periods(Caller caller, @PathVariable String projectId) {
        return new ReportResponse.Periods(projectId, reports.periods(caller, projectId).stream().map(ReportResponse.Period::of).toList());
    }

    /** A path segment with a dot is a download of a format not offered (the offered ones have mappings of their own). */
    @GetMapping(REPORTS + "/{cutOff}")
    ReportResponse report(Caller caller, @PathVariable String projectId, @PathVariable String cutOff) {
        if (cutOff.contains(".")) {
            throw new NotFound("report format", cutOff.substring(cutOff.indexOf('.') + 1));
        }
        LocalDate day = day(cutOff);
        ViewCurrency.Stamped<EsfReports.Report> read = currency.read(() -> reports.report(caller, projectId, day));
        return ReportResponse.of(projectId, read.view(), read.currency());
    }

    @GetMapping(REPORTS + "/{cutOff}.csv")
    ResponseEntity<byte[]> csv(Caller caller, @PathVariable String projectId, @PathVariable String cutOff) {
        LocalDate day = day(cutOff);
        return download(reports.csv(caller, projectId, day), CSV, name(projectId, day, "", "csv"));
    }

    @GetMapping(REPORTS + "/{cutOff}.xlsx")
    ResponseEntity<byte[]> xlsx(Caller caller, @PathVariable String projectId, @PathVariable String cutOff) {
        LocalDate day = day(cutOff);
        return download(reports.xlsx(caller, projectId, day), XLSX, name(projectId, day, "", "xlsx"));
    }

    @GetMapping(REPORTS + "/{cutOff}/submitted.csv")
    ResponseEntity<byte[]> submittedCsv(Caller caller, @PathVariable String projectId, @PathVariable String cutOff) {
        LocalDate day = day(cutOff);
        return download(reports.submitted(caller, projectId, day).csv(), CSV, name(projectId, day, "-submitted", "csv"));
    }

    @GetMapping(REPORTS + "/{cutOff}/submitted.xlsx")
    ResponseEntity<byte[]> submittedXlsx(Caller caller, @PathVariable String projectId, @PathVariable String cutOff) {
        LocalDate day = day(cutOff);
        return download(reports.submitted(caller, projectId, day).xlsx(), XLSX, name(projectId, day, "-submitted", "xlsx"));
    }

    /** 201 with the report as it now reads (submitted), its address in Location. */
    @PostMapping(REPORTS + "/{cutOff}/submission")
    ResponseEntity<ReportResponse> submit(Caller caller, @PathVariable String projectId, @PathVariable String cutOff) {
        LocalDate day = day(cutOff);
        SubmittedReport sent = reports.submit(caller, projectId, day);
        ViewCurrency.Stamped<EsfReports.Report> read = currency.read(() -> reports.report(caller, projectId, day));
        return ResponseEntity.created(URI.create("/api/projects/" + sent.projectId() + "/reports/" + sent.cutOff()))
                .body(ReportResponse.of(projectId, read.view(), read.currency()));
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
    }

    /** e.g. {@code esf-23-073-S03-2025-06-30-submitted.xlsx}; the project id is one the caller may read. */
    private static String name(String projectId, LocalDate cutOff, String suffix, String extension) {
        return "esf-" + projectId.replaceAll("[^A-Za-z0-9-]", "_") + "-" + cutOff + suffix + "." + extension;
    }

    /** The cut-off as a date; a 400 naming it when it is none. */
    private static LocalDate day(String cutOff) {
        try {
            return LocalDate.parse(cutOff);
        } catch (DateTimeParseException e) {
            throw new InvalidCommand(EsfReports.CUT_OFF, "must be a date, YYYY-06-30 or YYYY-12-31");
        }
    }
}
