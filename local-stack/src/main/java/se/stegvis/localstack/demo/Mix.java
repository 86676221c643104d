package se.stegvis.localstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A weighted choice among values, written as a table reads: {@code Mix.of("WOMAN 85, MAN 12, NON_BINARY 2")}. The
 * weights are relative (they need not add up to 100), and the order is kept, so a seeded {@link Random} picks the same
 * value on every run.
 */
record Mix(List<String> values, List<Integer> weights) {

    Mix {
        values = List.copyOf(values);
        weights = List.copyOf(weights);
    }

    static Mix of(String table) {
        List<String> values = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (String entry : table.split(",")) {
            String[] valueAndWeight = entry.trim().split("\\s+");
            if (valueAndWeight.length != 2) {
                throw new IllegalArgumentException("Expected 'VALUE weight' in " + table);
            }
            values.add(valueAndWeight[0]);
            weights.add(Integer.parseInt(valueAndWeight[1]));
        }
        return new Mix(values, weights);
    }

    /** The same mix without the values {@code keep} refuses (e.g. an outcome type the project does not have). */
    Mix only(Predicate<String> keep) {
        List<String> kept = new ArrayList<>();
        List<Integer> keptWeights = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (keep.test(values.get(i))) {
                kept.add(values.get(i));
                keptWeights.add(weights.get(i));
            }
        }
        return new Mix(kept, keptWeights);
    }

    String pick(Random random) {
        int total = total();
        if (total <= 0) {
            throw new IllegalStateException("Nothing to pick from");
        }
        int ticket = random.nextInt(total);
        for (int i = 0; i < values.size(); i++) {
            ticket -= weights.get(i);
            if (ticket < 0) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    boolean isEmpty() {
        return total() <= 0;
    }

    private int total() {
        return weights.stream().mapToInt(Integer::intValue).sum();
    }
}
