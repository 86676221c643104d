package se.stegvis.reporting.indicators.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which cells of a table with additive relations to withhold so that no count from 1 to 4 is shown or can be worked
 * out from what is shown.
 *
 * <ol>
 * <li>Primary: every count from 1 to {@value #THRESHOLD_BELOW} - 1 (zero is shown).</li>
 * <li>Secondary, repeated until nothing changes: a relation with exactly one withheld member would give it away by
 * subtraction, and so would one whose withheld parts add up to exactly as many as there are of them (a withheld cell
 * is never zero, so each would be 1); in such a relation the smallest non-zero shown member is withheld too (ties: the
 * first part, the whole last).</li>
 * <li>Audit: relations can also be combined (one project's row minus another's ...). {@link LinearDisclosure} solves
 * all relations together; for every withheld cell it still finds determined, the smallest non-zero shown member of
 * the relations around that cell is withheld as well, and the loop goes on.</li>
 * </ol>
 * The result is deterministic, so a replayed view publishes the same cells.
 */
public final class ComplementarySuppression {

    public static final int THRESHOLD_BELOW = 5;

    private ComplementarySuppression() {
    }

    public static <C> Set<C> suppress(Map<C, Integer> values, List<AdditiveRelation<C>> relations) {
        Set<C> withheld = new LinkedHashSet<>();
        values.forEach((cell, value) -> {
            if (value > 0 && value < THRESHOLD_BELOW) {
                withheld.add(cell);
            }
        });
        while (true) {
            Set<C> secondaries = new LinkedHashSet<>();
            relations.stream().filter(relation -> exposed(relation, values, withheld))
                    .flatMap(relation -> smallestShown(relation.members(), values, withheld).stream())
                    .findFirst().ifPresent(secondaries::add);
            if (secondaries.isEmpty()) {
                for (C determined : LinearDisclosure.determined(withheld, relations)) {
                    smallestShownAround(determined, relations, values, withheld).ifPresent(secondaries::add);
                }
            }
            if (secondaries.isEmpty()) {
                return withheld;
            }
            withheld.addAll(secondaries);
        }
    }

    static <C> boolean exposed(AdditiveRelation<C> relation, Map<C, Integer> values, Set<C> withheld) {
        long hidden = relation.members().stream().filter(withheld::contains).count();
        if (hidden == 1) {
            return true;
        }
        if (hidden == 0 || withheld.contains(relation.whole())) {
            return false;
        }
        int remainder = values.get(relation.whole());
        for (C part : relation.parts()) {
            remainder -= withheld.contains(part) ? 0 : values.get(part);
        }
        return remainder == hidden;
    }

    /**
     * The smallest non-zero shown member of the relations around the cell; where all of those are withheld or zero,
     * of the relations around those withheld ones, and so on outwards.
     */
    private static <C> Optional<C> smallestShownAround(C cell, List<AdditiveRelation<C>> relations, Map<C, Integer> values,
            Set<C> withheld) {
        Set<C> reached = new LinkedHashSet<>(List.of(cell));
        List<C> frontier = List.of(cell);
        while (!frontier.isEmpty()) {
            List<C> around = new ArrayList<>();
            for (AdditiveRelation<C> relation : relations) {
                if (relation.members().stream().anyMatch(frontier::contains)) {
                    around.addAll(relation.members());
                }
            }
            Optional<C> smallest = smallestShown(around, values, withheld);
            if (smallest.isPresent()) {
                return smallest;
            }
            frontier = around.stream().filter(reached::add).toList();
        }
        return Optional.empty();
    }

    private static <C> Optional<C> smallestShown(List<C> candidates, Map<C, Integer> values, Set<C> withheld) {
        C smallest = null;
        for (C candidate : candidates) {
            int value = values.get(candidate);
            if (!withheld.contains(candidate) && value > 0 && (smallest == null || value < values.get(smallest))) {
                smallest = candidate;
            }
        }
        return Optional.ofNullable(smallest);
    }
}
