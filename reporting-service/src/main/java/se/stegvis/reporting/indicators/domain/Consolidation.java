package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts projects side by side with a total column and suppresses small counts. The cells of one indicator form a
 * table (projects and the total × genders and their total) with two kinds of additive relation: a column's genders
 * add up to its total, and each gender row's projects add up to the total column. The catalogue's partitions (e.g.
 * the ISCED bands make up {@code participants}) add a third, cell by cell.
 */
public final class Consolidation {

    /** One cell: an indicator, a project (null: the total column) and a gender (null: all). */
    record Cell(String indicator, String project, Gender gender) {
    }

    private final IndicatorCatalogue catalogue;

    public Consolidation(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public ConsolidatedView view(List<ProjectFigures> figures) {
        List<ProjectFigures> projects = figures.stream()
                .sorted(Comparator.comparing(project -> project.project().projectId())).toList();
        Map<Cell, Integer> values = values(projects);
        Set<Cell> withheld = ComplementarySuppression.suppress(values, relations(projects));
        List<ConsolidatedView.Column> columns = projects.stream().map(project -> new ConsolidatedView.Column(project.project(),
                project.project().plannedParticipants(), shown(project.project().projectId(), values, withheld))).toList();
        Instant asOf = projects.stream().map(ProjectFigures::asOf).max(Comparator.naturalOrder()).orElse(null);
        return new ConsolidatedView(asOf, columns, shown(null, values, withheld));
    }

    private Map<Cell, Integer> values(List<ProjectFigures> projects) {
        Map<Cell, Integer> values = new HashMap<>();
        for (String code : catalogue.codes()) {
            values.put(new Cell(code, null, null), 0);
            for (Gender gender : Gender.values()) {
                values.put(new Cell(code, null, gender), 0);
            }
        }
        for (ProjectFigures project : projects) {
            String id = project.project().projectId();
            for (IndicatorCount count : project.indicators()) {
                values.put(new Cell(count.code(), id, null), count.total());
                values.merge(new Cell(count.code(), null, null), count.total(), Integer::sum);
                count.byGender().forEach((gender, n) -> {
                    values.put(new Cell(count.code(), id, gender), n);
                    values.merge(new Cell(count.code(), null, gender), n, Integer::sum);
                });
            }
        }
        return values;
    }

    private List<AdditiveRelation<Cell>> relations(List<ProjectFigures> projects) {
        List<String> columns = new ArrayList<>();
        projects.forEach(project -> columns.add(project.project().projectId()));
        columns.add(null);
        List<Gender> rows = new ArrayList<>(List.of(Gender.values()));
        rows.add(null);
        List<AdditiveRelation<Cell>> relations = new ArrayList<>();
        for (String code : catalogue.codes()) {
            for (String column : columns) {
                relations.add(new AdditiveRelation<>(new Cell(code, column, null),
                        List.of(Gender.values()).stream().map(gender -> new Cell(code, column, gender)).toList()));
            }
            for (Gender row : rows) {
                relations.add(new AdditiveRelation<>(new Cell(code, null, row),
                        projects.stream().map(project -> new Cell(code, project.project().projectId(), row)).toList()));
            }
        }
        for (Partition partition : catalogue.partitions()) {
            for (String column : columns) {
                for (Gender row : rows) {
                    relations.add(new AdditiveRelation<>(new Cell(partition.whole(), column, row),
                            partition.parts().stream().map(part -> new Cell(part, column, row)).toList()));
                }
            }
        }
        return relations;
    }

    private List<ShownCount> shown(String project, Map<Cell, Integer> values, Set<Cell> withheld) {
        List<ShownCount> shown = new ArrayList<>();
        for (String code : catalogue.codes()) {
            Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
            for (Gender gender : Gender.values()) {
                byGender.put(gender, show(new Cell(code, project, gender), values, withheld));
            }
            shown.add(new ShownCount(code, show(new Cell(code, project, null), values, withheld), byGender));
        }
        return shown;
    }

    private static Integer show(Cell cell, Map<Cell, Integer> values, Set<Cell> withheld) {
        return withheld.contains(cell) ? null : values.get(cell);
    }
}
