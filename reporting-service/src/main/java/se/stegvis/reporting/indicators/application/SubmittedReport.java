package se.stegvis.reporting.indicators.application;

import java.time.Instant;
import java.time.LocalDate;

import se.stegvis.reporting.indicators.domain.ReportTable;

/**
 * A report as it was sent, frozen: its figures and the very bytes of both downloads, kept because a spreadsheet written
 * again would differ (POI stamps the time it writes), and who submitted it when. Aggregates only.
 *
 * @param submittedBy the subject (the sign-in id) of the project OWNER who submitted it
 */
public record SubmittedReport(String projectId, LocalDate cutOff, Instant submittedAt, String submittedBy, ReportTable figures,
                              byte[] csv, byte[] xlsx) {
}
