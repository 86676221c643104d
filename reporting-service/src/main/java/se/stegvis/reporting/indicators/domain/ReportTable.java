package se.stegvis.reporting.indicators.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's ESF+ report for one cut-off as a table: one row per indicator of the catalogue, then one per target of
 * the project, each with its total and its count by gender, a target also with its target, actual and denominator.
 * Only aggregates: nothing in it says who was counted. It is made from the same {@link ProjectFigures} as the
 * project's indicator view of that day, so the report and the view cannot disagree.
 *
 * @param asOf the latest occurredAt among the events the figures rest on
 */
public record ReportTable(String projectId, LocalDate cutOff, Instant asOf, List<Row> rows) {

    /** What a row is of: an indicator of the catalogue or a target of the project (their codes may be equal). */
    public enum Kind {
        INDICATOR, TARGET
    }

    /** The columns of a row that hold figures, in the order the downloads show them. */
    public enum Column {
        TOTAL, WOMAN, MAN, NON_BINARY, NOT_STATED, TARGET, ACTUAL, DENOMINATOR
    }

    /**
     * One row. {@code total} is the indicator's count, or the participants a target counts; {@code target},
     * {@code actual} and {@code denominator} are null for an indicator ({@code actual} also for a PERCENT target
     * measured among nobody yet).
     */
    public record Row(Kind kind, String code, String label, int total, Map<Gender, Integer> byGender, Integer target,
                      BigDecimal actual, Integer denominator) {

        public Row {
            EnumMap<Gender, Integer> all = new EnumMap<>(Gender.class);
            for (Gender gender : Gender.values()) {
                all.put(gender, byGender.getOrDefault(gender, 0));
            }
            byGender = all;
        }

        /** The value of a column, null where the row has none. */
        public BigDecimal value(Column column) {
            return switch (column) {
                case TOTAL -> BigDecimal.valueOf(total);
                case WOMAN, MAN, NON_BINARY, NOT_STATED -> BigDecimal.valueOf(byGender.get(Gender.valueOf(column.name())));
                case TARGET -> target == null ? null : BigDecimal.valueOf(target);
                case ACTUAL -> actual;
                case DENOMINATOR -> denominator == null ? null : BigDecimal.valueOf(denominator);
            };
        }

        String key() {
            return kind + "/" + code;
        }
    }

    /**
     * A cell whose value now differs from the one submitted: {@code change} is now less submitted, null where either
     * side has no value (a target added to or removed from the project since).
     */
    public record Difference(Kind kind, String code, Column column, BigDecimal submitted, BigDecimal now, BigDecimal change) {
    }

    public ReportTable {
        rows = List.copyOf(rows);
    }

    /**
     * The report of the figures of the cut-off day, each indicator labelled in Swedish where the catalogue has a Swedish
     * label, else as the catalogue labels it; a target by its code (a target has no label).
     */
    public static ReportTable of(ProjectFigures figures, IndicatorCatalogue catalogue) {
        Map<String, String> labels = new LinkedHashMap<>();
        catalogue.indicators().forEach(indicator -> labels.put(indicator.code(), indicator.reportLabel()));
        List<Row> rows = new ArrayList<>();
        for (IndicatorCount count : figures.indicators()) {
            rows.add(new Row(Kind.INDICATOR, count.code(), labels.getOrDefault(count.code(), count.code()), count.total(),
                    count.byGender(), null, null, null));
        }
        for (TargetFigures target : figures.targets()) {
            rows.add(new Row(Kind.TARGET, target.target().code(), target.target().code(), target.counted(),
                    target.byGender().byGender(), target.target().target(), target.actual(), target.denominator()));
        }
        return new ReportTable(figures.project().projectId(), figures.day(), figures.asOf(), rows);
    }

    /**
     * Every cell whose value in this table differs from its value in the submitted one, row by row in the submitted
     * table's order, then the rows only this one has. Values are compared as numbers (1.0 equals 1.00).
     */
    public List<Difference> differencesFrom(ReportTable submitted) {
        Map<String, Row> before = new LinkedHashMap<>();
        submitted.rows().forEach(row -> before.put(row.key(), row));
        Map<String, Row> now = new LinkedHashMap<>();
        rows.forEach(row -> now.put(row.key(), row));
        Map<String, Row> every = new LinkedHashMap<>(before);
        now.forEach(every::putIfAbsent);
        List<Difference> differences = new ArrayList<>();
        every.forEach((key, row) -> {
            Row was = before.get(key);
            Row is = now.get(key);
            for (Column column : Column.values()) {
                BigDecimal old = was == null ? null : was.value(column);
                BigDecimal current = is == null ? null : is.value(column);
                if (!same(old, current)) {
                    differences.add(new Difference(row.kind(), row.code(), column, old, current,
                            old == null || current == null ? null : current.subtract(old)));
                }
            }
        });
        return differences;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
