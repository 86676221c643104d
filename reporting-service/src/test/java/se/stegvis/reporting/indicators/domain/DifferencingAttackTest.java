package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * An attacker with the published cross-project view and the knowledge of how it adds up (genders to a column's
 * total, projects to the total column, a project's target groups to its column's total, the catalogue's partitions
 * for every gender and every target group) tries to work out every withheld cell. The attack is written
 * independently of the suppression: Gauss-Jordan modulo a large prime, a withheld cell being recovered when a reduced
 * row holds it alone; and the bound that a withheld cell is never zero.
 */
class DifferencingAttackTest {

    private static final long PRIME = 1_000_000_007L;
    private static final String[] STATUSES = {"UNEMPLOYED", "LONG_TERM_UNEMPLOYED", "INACTIVE", "EMPLOYED"};
    private static final String[] LEVELS = {"ISCED_0_2", "ISCED_3_4", "ISCED_5_8"};
    private static final List<String> GROUPS = List.of("DEFECTOR", "VICTIM", "PARENT");

    @RepeatedTest(40)
    void no_withheld_cell_of_a_random_small_view_can_be_worked_out(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        ConsolidatedView view = new Consolidation(CATALOGUE).view(randomProjects(random), InventedParticipants.TODAY);
        Map<String, Integer> shown = new HashMap<>();
        List<String> withheld = new ArrayList<>();
        publish(view, shown, withheld);

        assertThat(shown.values()).noneMatch(value -> value != null && value > 0 && value < 5);
        List<List<String>> relations = relations(view);
        assertThat(recovered(withheld, relations)).as("withheld cells recovered by combining relations").isEmpty();
        for (List<String> relation : relations) {
            assertThat(forcedToOnes(relation, shown, withheld)).as("withheld parts of %s forced to 1", relation).isFalse();
        }
    }

    private static List<ProjectFigures> randomProjects(Random random) {
        List<ProjectFigures> projects = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        IndicatorEngine engine = new IndicatorEngine(CATALOGUE);
        for (int p = 0; p < count; p++) {
            String id = "99-00" + p + "-T0" + p;
            List<String> groups = GROUPS.subList(0, 1 + random.nextInt(GROUPS.size()));
            List<ProjectedParticipant> participants = new ArrayList<>();
            int size = random.nextInt(25);
            for (int i = 0; i < size; i++) {
                participants.add(randomParticipant(id, groups.get(random.nextInt(groups.size())), random));
            }
            ProjectDefinition project = new ProjectDefinition(UUID.randomUUID().toString(), T0, id, "Projekt " + p, "Region", "SE2" + p,
                    50, List.of(), groups);
            projects.add(engine.figures(project, participants, InventedParticipants.TODAY));
        }
        return projects;
    }

    private static ProjectedParticipant randomParticipant(String project, String group, Random random) {
        String id = UUID.randomUUID().toString();
        EntryFacts entry = InventedParticipants.entry(Gender.values()[random.nextInt(4)], 15 + random.nextInt(50),
                "labourMarketStatus", STATUSES[random.nextInt(4)], "educationLevel", LEVELS[random.nextInt(3)],
                "homeless", String.valueOf(random.nextInt(5) == 0), "disability", random.nextBoolean() ? "YES" : "DECLINED",
                "targetGroup", group);
        ProjectedParticipant participant = ProjectedParticipant.unknown(id);
        participant.apply(new ParticipantEvent.Enrolled(UUID.randomUUID().toString(), T0, project, id, entry));
        if (random.nextInt(3) == 0) {
            participant.apply(new ParticipantEvent.OutcomeRecorded(UUID.randomUUID().toString(), T0, project, id,
                    new RecordedOutcome(UUID.randomUUID().toString(), random.nextBoolean() ? "EMPLOYED" : "JOB_SEARCHING",
                            LocalDate.of(2025, 8, 1), "UPON_LEAVING", T0)));
        }
        return participant;
    }

    /** Marks a target group's cell apart from a gender's. */
    private static final String GROUP = "group:";

    private static String key(String code, String column, String gender) {
        return code + "|" + column + "|" + gender;
    }

    private static void publish(ConsolidatedView view, Map<String, Integer> shown, List<String> withheld) {
        List<List<ShownCount>> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        view.projects().forEach(column -> {
            columns.add(column.indicators());
            names.add(column.project().projectId());
        });
        columns.add(view.total());
        names.add("TOTAL");
        for (int c = 0; c < columns.size(); c++) {
            for (ShownCount count : columns.get(c)) {
                record(shown, withheld, key(count.code(), names.get(c), "ALL"), count.total());
                for (Gender gender : Gender.values()) {
                    record(shown, withheld, key(count.code(), names.get(c), gender.name()), count.byGender().get(gender));
                }
                for (Map.Entry<String, Integer> group : count.byTargetGroup().entrySet()) {
                    record(shown, withheld, key(count.code(), names.get(c), GROUP + group.getKey()), group.getValue());
                }
            }
        }
    }

    private static void record(Map<String, Integer> shown, List<String> withheld, String key, Integer value) {
        shown.put(key, value);
        if (value == null) {
            withheld.add(key);
        }
    }

    /** Each relation as its whole first, then its parts. */
    private static List<List<String>> relations(ConsolidatedView view) {
        List<String> columns = new ArrayList<>(view.projects().stream().map(c -> c.project().projectId()).toList());
        List<String> genders = new ArrayList<>(List.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED"));
        List<List<String>> relations = new ArrayList<>();
        for (String code : CATALOGUE.codes()) {
            for (String column : concat(columns, "TOTAL")) {
                relations.add(concat(List.of(key(code, column, "ALL")), genders.stream().map(g -> key(code, column, g)).toList()));
            }
            for (String gender : concat(genders, "ALL")) {
                relations.add(concat(List.of(key(code, "TOTAL", gender)), columns.stream().map(c -> key(code, c, gender)).toList()));
            }
        }
        for (Partition partition : CATALOGUE.partitions()) {
            for (String column : concat(columns, "TOTAL")) {
                for (String gender : concat(genders, "ALL")) {
                    relations.add(concat(List.of(key(partition.whole(), column, gender)),
                            partition.parts().stream().map(part -> key(part, column, gender)).toList()));
                }
            }
        }
        for (ConsolidatedView.Column column : view.projects()) {
            String id = column.project().projectId();
            List<String> groups = column.indicators().get(0).byTargetGroup().keySet().stream().map(group -> GROUP + group).toList();
            for (String code : CATALOGUE.codes()) {
                relations.add(concat(List.of(key(code, id, "ALL")), groups.stream().map(group -> key(code, id, group)).toList()));
            }
            for (Partition partition : CATALOGUE.partitions()) {
                for (String group : groups) {
                    relations.add(concat(List.of(key(partition.whole(), id, group)),
                            partition.parts().stream().map(part -> key(part, id, group)).toList()));
                }
            }
        }
        return relations;
    }

    private static List<String> concat(List<String> first, String last) {
        return concat(first, List.of(last));
    }

    private static List<String> concat(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    /** The withheld cells the relations pin down: reduced row echelon form modulo a prime, rows with one cell left. */
    private static Set<String> recovered(List<String> withheld, List<List<String>> relations) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < withheld.size(); i++) {
            column.put(withheld.get(i), i);
        }
        List<long[]> rows = new ArrayList<>();
        for (List<String> relation : relations) {
            long[] row = new long[withheld.size()];
            boolean any = false;
            for (int i = 0; i < relation.size(); i++) {
                Integer at = column.get(relation.get(i));
                if (at != null) {
                    row[at] = Math.floorMod(row[at] + (i == 0 ? 1 : -1), PRIME);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        int rank = 0;
        for (int col = 0; col < withheld.size() && rank < rows.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < rows.size() && pivot < 0; r++) {
                pivot = rows.get(r)[col] != 0 ? r : -1;
            }
            if (pivot < 0) {
                continue;
            }
            rows = swap(rows, pivot, rank);
            long[] top = rows.get(rank);
            long inverse = BigInteger.valueOf(top[col]).modInverse(BigInteger.valueOf(PRIME)).longValue();
            for (int c = 0; c < top.length; c++) {
                top[c] = top[c] * inverse % PRIME;
            }
            for (int r = 0; r < rows.size(); r++) {
                long[] row = rows.get(r);
                if (r != rank && row[col] != 0) {
                    long factor = row[col];
                    for (int c = 0; c < top.length; c++) {
                        row[c] = Math.floorMod(row[c] - factor * top[c] % PRIME, PRIME);
                    }
                }
            }
            rank++;
        }
        Set<String> recovered = new HashSet<>();
        for (long[] row : rows) {
            List<Integer> nonZero = IntStream.range(0, row.length).filter(c -> row[c] != 0).boxed().toList();
            if (nonZero.size() == 1) {
                recovered.add(withheld.get(nonZero.get(0)));
            }
        }
        return recovered;
    }

    private static List<long[]> swap(List<long[]> rows, int a, int b) {
        List<long[]> swapped = new ArrayList<>(rows);
        long[] first = swapped.get(a);
        swapped.set(a, swapped.get(b));
        swapped.set(b, first);
        return swapped;
    }

    /** With the whole shown, withheld parts that add up to exactly their number must each be 1 (none is 0). */
    private static boolean forcedToOnes(List<String> relation, Map<String, Integer> shown, List<String> withheld) {
        if (shown.get(relation.get(0)) == null) {
            return false;
        }
        int remainder = shown.get(relation.get(0));
        int hidden = 0;
        for (String part : relation.subList(1, relation.size())) {
            if (withheld.contains(part)) {
                hidden++;
            } else {
                remainder -= shown.get(part);
            }
        }
        return hidden > 0 && remainder == hidden;
    }
}
