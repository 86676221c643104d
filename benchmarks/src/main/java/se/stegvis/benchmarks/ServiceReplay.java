package se.stegvis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
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

    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*(\\d+)");
    private static final Pattern TO_REPLAY = Pattern.compile("\"toReplay\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI rebuild;
    private final Supplier<String> adminBearer;
    private final DoubleSupplier applied;
    private final DoubleSupplier deadLetters;
    private final Duration poll;
    private final Duration giveUp;

    /**
     * The service in this JVM: its projection group's meters read directly (the service has other consumer groups
     * too, such as its memberships reader), signed in with the test issuer's admin, polled every 20 ms.
     */
    ServiceReplay(String baseUrl, MeterRegistry meters, String projectionGroup) {
        this(baseUrl, () -> BenchSignIn.bearer(BenchSignIn.ADMIN),
                () -> meters.get("stegvis.consumer.applied").tag("group", projectionGroup).functionCounter().count(),
                () -> meters.get("stegvis.consumer.dead-lettered").tag("group", projectionGroup).functionCounter().count(),
                Duration.ofMillis(20), Duration.ofMinutes(20));
    }

    /**
     * @param adminBearer the {@code Authorization} header of an identity with the global role admin
     * @param applied     the projection group's {@code stegvis.consumer.applied}, however the service is reached
     * @param poll        how often the progress is asked for: the rebuild's time is known to within this
     */
    ServiceReplay(String baseUrl, Supplier<String> adminBearer, DoubleSupplier applied, DoubleSupplier deadLetters, Duration poll,
                  Duration giveUp) {
        this.rebuild = URI.create(baseUrl + "/api/admin/rebuild");
        this.adminBearer = adminBearer;
        this.applied = applied;
        this.deadLetters = deadLetters;
        this.poll = poll;
        this.giveUp = giveUp;
    }

    /** The service's one consumer group, the projection's. */
    double applied() {
        return applied.getAsDouble();
    }

    double deadLetters() {
        return deadLetters.getAsDouble();
    }

    ReplayBenchmark.Replayed replay(long expected) throws Exception {
        double appliedBefore = applied();
        long start = System.nanoTime();
        HttpResponse<String> requested = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", adminBearer.get()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (requested.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + requested.statusCode() + ": " + requested.body());
        }
        String progress = progress();
        while (!"DONE".equals(find(STATE, progress))) {
            if (System.nanoTime() - start > giveUp.toNanos()) {
                throw new IllegalStateException("rebuild not done: " + progress);
            }
            Thread.sleep(poll.toMillis());
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
        return http.send(HttpRequest.newBuilder(rebuild).header("Authorization", adminBearer.get()).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String find(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return matcher.group(1);
    }
}
