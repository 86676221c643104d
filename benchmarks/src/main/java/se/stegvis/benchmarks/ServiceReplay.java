package se.stegvis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A rebuild of reporting-service's read model, as an operator asks for it: {@code POST /api/admin/rebuild}, then
 * {@code GET /api/admin/rebuild} until the service says DONE. The service counts it done once its consumer's
 * positions reach the end offsets noted when the replay began, after the batch that got there is written and
 * committed. The figures are then checked against the service's own metric of events applied.
 */
final class ServiceReplay {

    private static final Duration GIVE_UP = Duration.ofMinutes(20);
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*(\\d+)");
    private static final Pattern TO_REPLAY = Pattern.compile("\"toReplay\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI rebuild;
    private final MeterRegistry meters;

    ServiceReplay(String baseUrl, MeterRegistry meters) {
        this.rebuild = URI.create(baseUrl + "/api/admin/rebuild");
        this.meters = meters;
    }

    /** The service's one consumer group, the projection's. */
    double applied() {
        return meters.get("stegvis.consumer.applied").functionCounter().count();
    }

    double deadLetters() {
        return meters.get("stegvis.consumer.dead-lettered").functionCounter().count();
    }

    ReplayBenchmark.Replayed replay(long expected) throws Exception {
        double appliedBefore = applied();
        long start = System.nanoTime();
        HttpResponse<String> requested = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", BenchSignIn.bearer(BenchSignIn.ADMIN)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (requested.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + requested.statusCode() + ": " + requested.body());
        }
        String progress = progress();
        while (!"DONE".equals(find(STATE, progress))) {
            if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                throw new IllegalStateException("rebuild not done: " + progress);
            }
            Thread.sleep(20);
            progress = progress();
        }
        long elapsed = System.nanoTime() - start;
        long replayed = Long.parseLong(find(REPLAYED, progress));
        long applied = Math.round(applied() - appliedBefore);
        if (replayed != expected || Long.parseLong(find(TO_REPLAY, progress)) != expected || applied != expected) {
            throw new IllegalStateException("rebuild of " + expected + " records ended as " + progress + ", " + applied + " applied");
        }
        return new ReplayBenchmark.Replayed(applied, elapsed);
    }

    String progress() throws Exception {
        return http.send(HttpRequest.newBuilder(rebuild).header("Authorization", BenchSignIn.bearer(BenchSignIn.ADMIN)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String find(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return matcher.group(1);
    }
}
