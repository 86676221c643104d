package se.stegvis.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured rounds of a benchmark by operation, with percentiles over them. */
final class Rounds {

    private final Map<String, List<SerdeBenchmark.Pair>> byOperation = new LinkedHashMap<>();

    void add(String operation, boolean measured, SerdeBenchmark.Pair pair) {
        if (measured) {
            byOperation.computeIfAbsent(operation, o -> new ArrayList<>()).add(pair);
        }
    }

    Map<String, List<SerdeBenchmark.Pair>> byOperation() {
        return byOperation;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.round(p / 100 * (sorted.size() - 1));
        return sorted.get(index);
    }

    /** A Markdown table row: the label, then p10, p50 and p90 of one figure over the measured rounds. */
    static String row(String label, List<Double> values, String format) {
        return "| " + label + " | " + String.format(format, percentile(values, 10)) + " | "
                + String.format(format, percentile(values, 50)) + " | " + String.format(format, percentile(values, 90)) + " |\n";
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        byOperation.forEach((operation, pairs) -> out.append(String.format("%s: ratio p50 %.3f (p10 %.3f, p90 %.3f)%n",
                operation, percentile(ratios(pairs), 50), percentile(ratios(pairs), 10), percentile(ratios(pairs), 90))));
        return out.toString();
    }

    static List<Double> ratios(List<SerdeBenchmark.Pair> pairs) {
        return pairs.stream().map(SerdeBenchmark.Pair::ratio).toList();
    }
}
