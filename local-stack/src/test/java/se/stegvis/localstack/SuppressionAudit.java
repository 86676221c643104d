package se.stegvis.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An attacker's view of {@code GET /api/indicators}, written apart from reporting-service's own suppression code: it
 * knows the exact figures (from each project's own view) only to check the shown ones, and tries to recover every
 * withheld cell from what is shown and the relations of reporting-service's README: a column's genders add up to its
 * total, each gender row's projects add up to the total column, and the catalogue's partitions (unemployed + inactive
 * + employed, the three ISCED bands) add up to participants, cell by cell. A cell is recovered if the relations
 * combined determine it (Gauss-Jordan modulo a prime), or if a relation's withheld members must all be 1 (a withheld
 * count is never 0).
 */
final class SuppressionAudit {

    static final String TOTAL = "total";
    static final String ALL = "all";
    private static final long PRIME = 2_147_483_647L;
    private static final List<List<String>> PARTITIONS = List.of(List.of("participants", "unemployed", "inactive", "employed"),
            List.of("participants", "isced-0-2", "isced-3-4", "isced-5-8"));

    record Cell(String code, String column, String row) {
    }

    /** @param whole and parts: whole = the sum of the parts */
    record Relation(Cell whole, List<Cell> parts) {
    }

    private final Map<Cell, Integer> exact = new HashMap<>();
    private final Map<Cell, Integer> shown = new HashMap<>();
    private final List<String> columns = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();

    SuppressionAudit(JsonNode consolidated, Map<String, JsonNode> exactViews) {
        for (JsonNode project : consolidated.path("projects")) {
            String id = project.path("projectId").asString();
            columns.add(id);
            read(project.path("indicators"), id, shown);
            read(exactViews.get(id).path("indicators"), id, exact);
        }
        columns.add(TOTAL);
        read(consolidated.path("total").path("indicators"), TOTAL, shown);
        consolidated.path("total").path("indicators").forEach(i -> codes.add(i.path("code").asString()));
        for (String code : codes) {
            for (String row : rows()) {
                int sum = 0;
                for (String column : columns.subList(0, columns.size() - 1)) {
                    sum += exact.get(new Cell(code, column, row));
                }
                exact.put(new Cell(code, TOTAL, row), sum);
            }
        }
    }

    /** Every shown count that differs from the exact one or lies from 1 to 4, and every withheld one an attacker recovers. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        shown.forEach((cell, value) -> {
            if (value != null && !value.equals(exact.get(cell))) {
                findings.add(cell + " shows " + value + ", exactly " + exact.get(cell));
            }
            if (value != null && value >= 1 && value <= 4) {
                findings.add(cell + " shows a count from 1 to 4: " + value);
            }
        });
        List<Relation> relations = relations().stream().filter(relation -> shown.containsKey(relation.whole())
                && shown.keySet().containsAll(relation.parts())).toList();
        for (Relation relation : relations) {
            allOnes(relation).ifPresent(findings::add);
        }
        for (Cell recovered : determined(relations)) {
            findings.add(recovered + " is withheld but follows from the shown cells (exactly " + exact.get(recovered) + ")");
        }
        return findings;
    }

    /** Withheld cells whose count is 5 or more: there for complementary suppression, not because they are small. */
    long secondarilyWithheld() {
        return shown.entrySet().stream().filter(e -> e.getValue() == null && exact.get(e.getKey()) >= 5).count();
    }

    long withheld() {
        return shown.values().stream().filter(value -> value == null).count();
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>(ExpectedFigures.GENDERS);
        rows.add(ALL);
        return rows;
    }

    private List<Relation> relations() {
        List<Relation> relations = new ArrayList<>();
        for (String code : codes) {
            for (String column : columns) {
                relations.add(new Relation(new Cell(code, column, ALL),
                        ExpectedFigures.GENDERS.stream().map(g -> new Cell(code, column, g)).toList()));
            }
            for (String row : rows()) {
                relations.add(new Relation(new Cell(code, TOTAL, row),
                        columns.subList(0, columns.size() - 1).stream().map(c -> new Cell(code, c, row)).toList()));
            }
        }
        for (List<String> partition : PARTITIONS) {
            for (String column : columns) {
                for (String row : rows()) {
                    relations.add(new Relation(new Cell(partition.get(0), column, row),
                            partition.subList(1, partition.size()).stream().map(part -> new Cell(part, column, row)).toList()));
                }
            }
        }
        return relations;
    }

    private java.util.Optional<String> allOnes(Relation relation) {
        Integer whole = shown.get(relation.whole());
        List<Cell> hidden = relation.parts().stream().filter(part -> shown.get(part) == null).toList();
        if (whole == null || hidden.isEmpty()) {
            return java.util.Optional.empty();
        }
        int remainder = whole - relation.parts().stream().filter(part -> shown.get(part) != null).mapToInt(shown::get).sum();
        return remainder == hidden.size()
                ? java.util.Optional.of(hidden + " are withheld but must each be 1: " + relation.whole() + " shows " + whole)
                : java.util.Optional.empty();
    }

    /** The withheld cells the relations determine: those whose unit vector lies in the span of the equations. */
    private List<Cell> determined(List<Relation> relations) {
        List<Cell> unknowns = shown.keySet().stream().filter(cell -> shown.get(cell) == null).toList();
        Map<Cell, Integer> index = new LinkedHashMap<>();
        unknowns.forEach(cell -> index.put(cell, index.size()));
        List<long[]> rows = new ArrayList<>();
        for (Relation relation : relations) {
            long[] row = new long[unknowns.size()];
            addTo(row, index, relation.whole(), PRIME - 1);
            relation.parts().forEach(part -> addTo(row, index, part, 1));
            rows.add(row);
        }
        int rank = GaussJordan.reduce(rows, unknowns.size(), PRIME);
        List<Cell> found = new ArrayList<>();
        for (long[] row : rows.subList(0, rank)) {
            int nonZero = 0;
            int at = -1;
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0) {
                    nonZero++;
                    at = j;
                }
            }
            if (nonZero == 1) {
                found.add(unknowns.get(at));
            }
        }
        return found;
    }

    private static void addTo(long[] row, Map<Cell, Integer> index, Cell cell, long coefficient) {
        Integer j = index.get(cell);
        if (j != null) {
            row[j] = (row[j] + coefficient) % PRIME;
        }
    }

    private static void read(JsonNode indicators, String column, Map<Cell, Integer> into) {
        for (JsonNode indicator : indicators) {
            String code = indicator.path("code").asString();
            into.put(new Cell(code, column, ALL), count(indicator.path("total")));
            for (String gender : ExpectedFigures.GENDERS) {
                into.put(new Cell(code, column, gender), count(indicator.path("byGender").path(gender)));
            }
        }
    }

    private static Integer count(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asInt();
    }
}
