package se.stegvis.reporting.indicators.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which withheld cells the additive relations, solved together, pin down. Each relation touching a withheld cell is
 * an equation in the withheld cells (the shown ones are known numbers); a cell is determined exactly when its unit
 * vector lies in the row space of those equations, i.e. when the reduced row echelon form has a row with that cell
 * alone. Withheld cells that share no relation, directly or through others, are solved apart. Coefficients start as
 * +1/-1, so exact long arithmetic with fraction-free elimination (rows kept divided by their gcd) suffices.
 */
final class LinearDisclosure {

    private LinearDisclosure() {
    }

    static <C> Set<C> determined(Set<C> withheld, List<AdditiveRelation<C>> relations) {
        Map<C, C> component = new HashMap<>();
        withheld.forEach(cell -> component.put(cell, cell));
        List<List<C>> touching = new ArrayList<>();
        for (AdditiveRelation<C> relation : relations) {
            List<C> hidden = relation.members().stream().filter(withheld::contains).toList();
            if (!hidden.isEmpty()) {
                touching.add(relation.members());
                hidden.forEach(cell -> union(component, hidden.get(0), cell));
            }
        }
        Map<C, List<List<C>>> equationsByComponent = new HashMap<>();
        for (List<C> members : touching) {
            C root = find(component, members.stream().filter(withheld::contains).findFirst().orElseThrow());
            equationsByComponent.computeIfAbsent(root, r -> new ArrayList<>()).add(members);
        }
        Set<C> determined = new LinkedHashSet<>();
        equationsByComponent.forEach((root, equations) -> determined.addAll(solve(withheld, equations)));
        return determined;
    }

    /** Each equation: its members, the whole last (coefficient +1, the parts -1). */
    private static <C> List<C> solve(Set<C> withheld, List<List<C>> equations) {
        List<C> unknowns = new ArrayList<>();
        Map<C, Integer> column = new HashMap<>();
        for (List<C> members : equations) {
            for (C member : members) {
                if (withheld.contains(member) && !column.containsKey(member)) {
                    column.put(member, unknowns.size());
                    unknowns.add(member);
                }
            }
        }
        List<long[]> rows = new ArrayList<>();
        for (List<C> members : equations) {
            long[] row = new long[unknowns.size()];
            for (int i = 0; i < members.size(); i++) {
                Integer at = column.get(members.get(i));
                if (at != null) {
                    row[at] += i == members.size() - 1 ? 1 : -1;
                }
            }
            rows.add(row);
        }
        return reduce(rows, unknowns.size()).stream().map(unknowns::get).toList();
    }

    /** Gauss-Jordan without fractions; the columns left alone in a row. */
    private static List<Integer> reduce(List<long[]> rows, int columns) {
        int pivotRow = 0;
        for (int col = 0; col < columns && pivotRow < rows.size(); col++) {
            int found = -1;
            for (int r = pivotRow; r < rows.size() && found < 0; r++) {
                found = rows.get(r)[col] != 0 ? r : -1;
            }
            if (found < 0) {
                continue;
            }
            long[] pivot = rows.remove(found);
            rows.add(pivotRow, pivot);
            for (int r = 0; r < rows.size(); r++) {
                long[] row = rows.get(r);
                if (r != pivotRow && row[col] != 0) {
                    long factor = row[col];
                    for (int c = 0; c < columns; c++) {
                        row[c] = Math.subtractExact(Math.multiplyExact(row[c], pivot[col]), Math.multiplyExact(pivot[c], factor));
                    }
                    normalise(row);
                }
            }
            pivotRow++;
        }
        List<Integer> alone = new ArrayList<>();
        for (long[] row : rows) {
            int nonZero = 0;
            int at = -1;
            for (int c = 0; c < columns; c++) {
                if (row[c] != 0) {
                    nonZero++;
                    at = c;
                }
            }
            if (nonZero == 1) {
                alone.add(at);
            }
        }
        return alone;
    }

    private static void normalise(long[] row) {
        long gcd = 0;
        for (long value : row) {
            gcd = gcd(gcd, Math.abs(value));
        }
        if (gcd > 1) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= gcd;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static <C> C find(Map<C, C> parent, C cell) {
        C root = cell;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(cell, root);
        return root;
    }

    private static <C> void union(Map<C, C> parent, C a, C b) {
        C rootA = find(parent, a);
        C rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootB, rootA);
        }
    }
}
