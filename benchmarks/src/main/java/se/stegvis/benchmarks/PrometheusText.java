package se.stegvis.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /actuator/prometheus} on its management port, read as samples: a metric name, its
 * labels and a value. Enough of the text format for Micrometer's output: comments skipped, label values without
 * escaped quotes, {@code NaN} and infinities as Java reads them.
 */
record PrometheusText(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line.strip());
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(matcher.group(1), Map.copyOf(labels), value(matcher.group(3))));
        }
        return new PrometheusText(List.copyOf(samples));
    }

    /** The management port's metrics; fails when the port does not answer 200 within a few seconds. */
    static PrometheusText scrape(int managementPort) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/actuator/prometheus on " + managementPort + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Every sample of the metric. */
    List<Sample> all(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The metric's value for the sample whose labels include {@code label=value}; empty when there is none. */
    OptionalDouble value(String name, String label, String value) {
        return all(name).stream().filter(sample -> value.equals(sample.labels().get(label))).mapToDouble(Sample::value).findFirst();
    }

    /** The metric's samples whose labels include {@code label=value}, summed (heap pools, say); NaN when there is none. */
    double sum(String name, String label, String value) {
        List<Sample> matching = all(name).stream().filter(sample -> value.equals(sample.labels().get(label))).toList();
        return matching.isEmpty() ? Double.NaN : matching.stream().mapToDouble(Sample::value).sum();
    }
}
