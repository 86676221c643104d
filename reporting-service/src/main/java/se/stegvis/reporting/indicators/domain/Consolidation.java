package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts projects side by side with a total column and suppresses small counts. The cells of one indicator form a
 * table (projects and the total × genders and their total) with two kinds of additive relation: a column's genders
 * add up to its total, and each gender row's projects add up to the total column. A project's column also breaks the
 * indicator down by the project's target groups, which add up to its total: a third relation. The catalogue's
 * partitions (e.g. the ISCED bands make up {@code participants}) add a fourth, cell by cell, for every gender and every
 * target group.
 */
public final class Consolidation {

    /**
     * One cell: an indicator, a project (null: the total column), and a gender or a target group of the project (both
     * null: all).
     */
    record Cell(String indicator, String project, Gender gender, String targetGroup) {

        Cell(String indicator, String project, Gender gender) {
            this(indicator, project, gender, null);
        }
    }

    private final IndicatorCatalogue catalogue;

    public Consolidation(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The projects' figures side by side; all counted for {@code day}. */
    public ConsolidatedView view(List<ProjectFigures> figures, LocalDate day) {
        List<ProjectFigures> projects = figures.stream()
                .sorted(Comparator.comparing(project -> project.project().projectId())).toList();
        Map<Cell, Integer> values = values(projects);
        Set<Cell> withheld = ComplementarySuppression.suppress(values, relations(projects));
        List<ConsolidatedView.Column> columns = projects.stream().map(project -> new ConsolidatedView.Column(project.project(),
                project.project().plannedParticipants(), shown(project.project().projectId(), targetGroups(project), values, withheld)))
                .toList();
        Instant asOf = projects.stream().map(ProjectFigures::asOf).max(Comparator.naturalOrder()).orElse(null);
        return new ConsolidatedView(asOf, day, columns, shown(null, List.of(), values, withheld));
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
                count.byTargetGroup().forEach((group, n) -> values.put(new Cell(count.code(), id, null, group), n));
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
        projects.forEach(project -> relations.addAll(targetGroupRelations(project)));
        return relations;
    }

    /**
     * A project's target-group cells add up to its total, indicator by indicator; and within each group the
     * catalogue's partitions hold too (the ISCED bands of the group make up its participants).
     */
    private List<AdditiveRelation<Cell>> targetGroupRelations(ProjectFigures project) {
        String id = project.project().projectId();
        List<String> groups = targetGroups(project);
        List<AdditiveRelation<Cell>> relations = new ArrayList<>();
        if (groups.isEmpty()) {
            return relations;
        }
        for (String code : catalogue.codes()) {
            relations.add(new AdditiveRelation<>(new Cell(code, id, null),
                    groups.stream().map(group -> new Cell(code, id, null, group)).toList()));
        }
        for (Partition partition : catalogue.partitions()) {
            for (String group : groups) {
                relations.add(new AdditiveRelation<>(new Cell(partition.whole(), id, null, group),
                        partition.parts().stream().map(part -> new Cell(part, id, null, group)).toList()));
            }
        }
        return relations;
    }

    /** The target groups the project's figures break its indicators down by. */
    private static List<String> targetGroups(ProjectFigures project) {
        return project.indicators().isEmpty() ? List.of() : List.copyOf(project.indicators().get(0).byTargetGroup().keySet());
    }

    private List<ShownCount> shown(String project, List<String> groups, Map<Cell, Integer> values, Set<Cell> withheld) {
        List<ShownCount> shown = new ArrayList<>();
        for (String code : catalogue.codes()) {
            Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
            for (Gender gender : Gender.values()) {
                byGender.put(gender, show(new Cell(code, project, gender), values, withheld));
            }
            Map<String, Integer> byTargetGroup = new LinkedHashMap<>();
            for (String group : groups) {
                byTargetGroup.put(group, show(new Cell(code, project, null, group), values, withheld));
            }
            shown.add(new ShownCount(code, show(new Cell(code, project, null), values, withheld), byGender, byTargetGroup));
        }
        return shown;
    }

    private static Integer show(Cell cell, Map<Cell, Integer> values, Set<Cell> withheld) {
        return withheld.contains(cell) ? null : values.get(cell);
    }
}
