package se.stegvis.reporting.indicators.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * One twice-yearly ESF+ reporting period, named by its cut-off: 30 June, transmitted by 31 July, or 31 December,
 * transmitted by 31 January of the next year. Its figures are cumulative: everything by business date on or before the
 * cut-off, since the project began.
 *
 * <p>A cut-off has <em>come</em> on its own day (its figures can be looked at, though more may still be recorded that
 * day) and has <em>passed</em> from the day after (nothing more can be dated on or before it by then, so the report can
 * be sent).
 */
public record ReportingPeriod(LocalDate cutOff) {

    public ReportingPeriod {
        if (!isCutOff(cutOff)) {
            throw new IllegalArgumentException("A reporting period ends on 30 June or 31 December, not " + cutOff);
        }
    }

    /** Whether the day is a cut-off: 30 June or 31 December. */
    public static boolean isCutOff(LocalDate day) {
        return day != null && (day.getMonth() == Month.JUNE && day.getDayOfMonth() == 30
                || day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 31);
    }

    /** The day the report is due: 31 July after a 30 June cut-off, 31 January after a 31 December one. */
    public LocalDate dueBy() {
        return cutOff.getMonth() == Month.JUNE ? LocalDate.of(cutOff.getYear(), Month.JULY, 31)
                : LocalDate.of(cutOff.getYear() + 1, Month.JANUARY, 31);
    }

    /** Whether the cut-off is today or earlier: its figures may be looked at. */
    public boolean hasCome(LocalDate today) {
        return !cutOff.isAfter(today);
    }

    /** Whether the cut-off day is over (it is before today): the report may be submitted. */
    public boolean hasPassed(LocalDate today) {
        return cutOff.isBefore(today);
    }

    /** The first cut-off on or after the day: the day itself when it is one. */
    public static ReportingPeriod firstFrom(LocalDate day) {
        LocalDate june = LocalDate.of(day.getYear(), Month.JUNE, 30);
        return new ReportingPeriod(day.isAfter(june) ? LocalDate.of(day.getYear(), Month.DECEMBER, 31) : june);
    }

    /** The latest cut-off that has passed by today (before today). */
    public static ReportingPeriod latestPassed(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        LocalDate june = LocalDate.of(yesterday.getYear(), Month.JUNE, 30);
        return new ReportingPeriod(yesterday.isBefore(june) ? LocalDate.of(yesterday.getYear() - 1, Month.DECEMBER, 31)
                : yesterday.getMonth() == Month.DECEMBER && yesterday.getDayOfMonth() == 31 ? yesterday : june);
    }

    /** The period after this one. */
    public ReportingPeriod next() {
        return new ReportingPeriod(cutOff.getMonth() == Month.JUNE ? LocalDate.of(cutOff.getYear(), Month.DECEMBER, 31)
                : LocalDate.of(cutOff.getYear() + 1, Month.JUNE, 30));
    }

    /**
     * The periods of a project that began on {@code start}, oldest first: from the first cut-off on or after it to
     * the latest that has passed by today (none while the first has not passed). With no start known, only the
     * latest passed.
     */
    public static List<ReportingPeriod> between(LocalDate start, LocalDate today) {
        ReportingPeriod last = latestPassed(today);
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod period = start == null ? last : firstFrom(start); !period.cutOff().isAfter(last.cutOff());
                period = period.next()) {
            periods.add(period);
        }
        return periods;
    }
}
