package se.stegvis.testing;

/** Reads a sample out of a {@code /actuator/prometheus} scrape (the text exposition format). */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the first sample of {@code metric} whose label set contains {@code labelFragment} (empty: any);
     * NaN when there is none.
     */
    public static double sample(String scrape, String metric, String labelFragment) {
        return scrape.lines().filter(line -> line.startsWith(metric + "{") && line.contains(labelFragment))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }
}
