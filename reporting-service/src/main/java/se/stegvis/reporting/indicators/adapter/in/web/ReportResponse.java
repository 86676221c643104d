package se.stegvis.reporting.indicators.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.stegvis.reporting.indicators.application.Currency;
import se.stegvis.reporting.indicators.application.EsfReports;
import se.stegvis.reporting.indicators.application.SubmittedReport;
import se.stegvis.reporting.indicators.domain.ReportTable;

/**
 * A project's ESF+ report for one cut-off: the period, its figures as of the cut-off now and, once submitted, the
 * figures as they were sent, each cell that differs now, and how many participants were erased since.
 *
 * @param figures               the report as the figures stand now, as the downloads {@code {cutOff}.csv|.xlsx} show it
 * @param submitted             the report as it was submitted (null while it is not)
 * @param differences           each cell whose value now differs from the submitted one (null while not submitted)
 * @param erasedSinceSubmission participants whose personal data was erased after submission (null while not submitted);
 *                              an erasure changes no figure
 */
record ReportResponse(String projectId, LocalDate cutOff, LocalDate dueBy, String status, Instant submittedAt,
                      String submittedBy, Table figures, Table submitted, List<Difference> differences,
                      Integer erasedSinceSubmission, CurrencyResponse currency) {

    /** @param asOf the latest occurredAt among the events the figures rest on */
    record Table(Instant asOf, List<Row> rows) {
        static Table of(ReportTable table) {
            return new Table(table.asOf(), table.rows().stream().map(Row::of).toList());
        }
    }

    /** @param type {@code indicator} or {@code target} */
    record Row(String type, String code, String label, int total, Map<String, Integer> byGender, Integer target,
               BigDecimal actual, Integer denominator) {
        static Row of(ReportTable.Row row) {
            Map<String, Integer> byGender = new LinkedHashMap<>();
            row.byGender().forEach((gender, n) -> byGender.put(gender.name(), n));
            return new Row(typeOf(row.kind()), row.code(), row.label(), row.total(), byGender, row.target(), row.actual(),
                    row.denominator());
        }
    }

    /** @param column {@code total}, a gender, {@code target}, {@code actual} or {@code denominator} */
    record Difference(String type, String code, String column, BigDecimal submitted, BigDecimal now, BigDecimal change) {
        static Difference of(ReportTable.Difference difference) {
            return new Difference(typeOf(difference.kind()), difference.code(), columnOf(difference.column()),
                    difference.submitted(), difference.now(), difference.change());
        }
    }

    /** One period of the list: its cut-off, when it is due and whether it was submitted, by whom and when. */
    record Period(LocalDate cutOff, LocalDate dueBy, String status, Instant submittedAt, String submittedBy) {
        static Period of(EsfReports.Period period) {
            SubmittedReport sent = period.submitted().orElse(null);
            return new Period(period.period().cutOff(), period.period().dueBy(), sent == null ? "OPEN" : "SUBMITTED",
                    sent == null ? null : sent.submittedAt(), sent == null ? null : sent.submittedBy());
        }
    }

    record Periods(String projectId, List<Period> periods) {
    }

    static ReportResponse of(String projectId, EsfReports.Report report, Currency currency) {
        SubmittedReport sent = report.submitted().orElse(null);
        return new ReportResponse(projectId, report.period().cutOff(), report.period().dueBy(),
                sent == null ? "OPEN" : "SUBMITTED", sent == null ? null : sent.submittedAt(),
                sent == null ? null : sent.submittedBy(), Table.of(report.now()),
                sent == null ? null : Table.of(sent.figures()),
                sent == null ? null : report.differences().stream().map(Difference::of).toList(),
                report.erasedSinceSubmission(), CurrencyResponse.of(currency));
    }

    static String typeOf(ReportTable.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** A gender column by the gender's name (as byGender names it), the others in lower case. */
    static String columnOf(ReportTable.Column column) {
        return switch (column) {
            case WOMAN, MAN, NON_BINARY, NOT_STATED -> column.name();
            default -> column.name().toLowerCase(Locale.ROOT);
        };
    }
}
