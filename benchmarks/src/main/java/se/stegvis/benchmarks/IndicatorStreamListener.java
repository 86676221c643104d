package se.stegvis.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads reporting-service's live stream on a thread of its own and notes, for each {@code indicators} event, when
 * its data line arrived and the total it shows for one indicator (the first occurrence in the view, which is the
 * only project's column; with one project it equals the consolidated total). A withheld (null) total says nothing
 * and is skipped.
 */
final class IndicatorStreamListener implements AutoCloseable {

    record Arrival(long nanos, long total) {
    }

    private final HttpURLConnection connection;
    private final ToLongFunction<String> totalOf;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread reader;
    private volatile long events;

    IndicatorStreamListener(String reportingUrl, String indicatorCode) throws Exception {
        this(reportingUrl, BenchSignIn.bearer(BenchSignIn.OWNER), json -> totalIn(total(indicatorCode), json));
    }

    /**
     * Read with {@code bearer}'s token; {@code totalOf} finds the total an event shows in its JSON (-1 when withheld
     * or absent).
     */
    IndicatorStreamListener(String reportingUrl, String bearer, ToLongFunction<String> totalOf) throws Exception {
        connection = (HttpURLConnection) URI.create(reportingUrl + "/api/indicators/stream").toURL().openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        connection.setRequestProperty("Authorization", bearer);
        connection.setReadTimeout(0);
        this.totalOf = totalOf;
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("the stream answered " + connection.getResponseCode());
        }
        reader = new Thread(this::read, "sse-listener");
        reader.setDaemon(true);
        reader.start();
    }

    static Pattern total(String indicatorCode) {
        return Pattern.compile("\"code\"\\s*:\\s*\"" + Pattern.quote(indicatorCode) + "\"\\s*,\\s*\"total\"\\s*:\\s*(\\d+|null)");
    }

    /** The indicator's first total in the JSON; -1 when withheld or absent. */
    static long totalIn(Pattern total, String json) {
        Matcher matcher = total.matcher(json);
        return matcher.find() && !"null".equals(matcher.group(1)) ? Long.parseLong(matcher.group(1)) : -1;
    }

    /**
     * The indicator's total in one project's column of the cross-project view (the first occurrence after the
     * project's id: a project's indicators follow its id); -1 when withheld, or when the project or indicator is absent.
     */
    static ToLongFunction<String> columnTotal(String projectId, String indicatorCode) {
        Pattern project = Pattern.compile("\"projectId\"\\s*:\\s*\"" + Pattern.quote(projectId) + "\"");
        Pattern total = total(indicatorCode);
        return json -> {
            Matcher column = project.matcher(json);
            if (!column.find()) {
                return -1;
            }
            Matcher matcher = total.matcher(json);
            return matcher.find(column.end()) && !"null".equals(matcher.group(1)) ? Long.parseLong(matcher.group(1)) : -1;
        };
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    long now = System.nanoTime();
                    long total = totalOf.applyAsLong(line);
                    events++;
                    if (total >= 0) {
                        synchronized (arrivals) {
                            arrivals.add(new Arrival(now, total));
                        }
                    }
                }
            }
        } catch (Exception e) {
            // the stream ends when the service stops or the benchmark closes it
        }
    }

    long events() {
        return events;
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    long lastTotal() {
        List<Arrival> all = arrivals();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).total();
    }

    /**
     * Leaves the reader blocked in its read, a daemon thread: disconnecting would wait for the lock that read holds
     * until the next heartbeat or event. The stream ends when the service stops or the JVM exits.
     */
    @Override
    public void close() {
        reader.interrupt();
    }
}
