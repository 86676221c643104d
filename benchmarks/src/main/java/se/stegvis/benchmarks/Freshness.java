package se.stegvis.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stream event showed which outcome. Outcomes are numbered by when their 201 arrived; outcome k (from 1) is
 * fresh at the first event, arriving at or after its 201, whose total is at least {@code shownBefore} + k (what the
 * view showed before the first of them was sent, e.g. the warm-up's outcomes). The view carries a count, not
 * ids, so the order is the acknowledgement order, which follows the projection's order only approximately.
 */
record Freshness(List<Double> latenciesMillis, int seenBeforeTheirAck, int neverSeen) {

    static Freshness attribute(long[] acknowledged, List<IndicatorStreamListener.Arrival> arrivals, long shownBefore) {
        List<Double> latencies = new ArrayList<>();
        long shownAtLast = arrivals.stream().mapToLong(IndicatorStreamListener.Arrival::total).max().orElse(0);
        int seenBefore = 0;
        int never = 0;
        int j = 0;
        for (int k = 0; k < acknowledged.length; k++) {
            while (j < arrivals.size() && (arrivals.get(j).total() < shownBefore + k + 1 || arrivals.get(j).nanos() < acknowledged[k])) {
                j++;
            }
            if (j < arrivals.size()) {
                latencies.add((arrivals.get(j).nanos() - acknowledged[k]) / 1e6);
            } else if (shownAtLast >= shownBefore + k + 1) {
                seenBefore++;
            } else {
                never++;
            }
        }
        return new Freshness(latencies, seenBefore, never);
    }

    static List<Double> millis(long[] nanos) {
        List<Double> millis = new ArrayList<>(nanos.length);
        for (long n : nanos) {
            millis.add(n / 1e6);
        }
        return millis;
    }
}
