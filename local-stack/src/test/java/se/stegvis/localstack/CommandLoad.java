package se.stegvis.localstack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Commands through the public HTTP APIs, sent continuously: every interval an invented person is enrolled (with an
 * Idempotency-Key), then gets one activity and one STEP_FORWARD outcome. The activity is DIGITAL_GUIDANCE, except for
 * every {@value #RETRACTED_ACTIVITY_EVERY}th person: theirs is INDIVIDUAL_GUIDANCE, and they also get a
 * DIGITAL_GUIDANCE that is then retracted, so the digital-guidance target counts them only if the retraction is lost.
 * Every {@value #RETRACTED_OUTCOME_EVERY}th person also gets an EMPLOYED outcome that is then retracted, which the
 * work-or-studies target would count. Each command is retried as the APIs document: no answer or a 5xx with the same
 * request and Idempotency-Key (a retraction is idempotent by itself: retracting again answers 204 and publishes
 * nothing), a 404 not-known-yet after its Retry-After, a 403 or 404 from activity- or outcome-service while it (just
 * restarted) has not yet learnt that the caller is STAFF of the project, which a refused request does not store.
 * Every command is signed in as the project's staff. Nothing blocks: every request is asynchronous, every retry
 * scheduled. What was accepted goes to the {@link Ledger}.
 */
final class CommandLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 2000;
    static final int RETRACTED_ACTIVITY_EVERY = 5;
    static final int RETRACTED_OUTCOME_EVERY = 7;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-load");
        thread.setDaemon(true);
        return thread;
    });
    private final StackPorts ports;
    private final IssuerTokens tokens;
    private final Ledger ledger;
    private final AtomicInteger people;
    private final String run;
    private final AtomicInteger open = new AtomicInteger();
    private ScheduledFuture<?> starting;

    /** @param people the next invented person's number, shared by every load on one stack */
    CommandLoad(StackPorts ports, Ledger ledger, AtomicInteger people, String run) {
        this.ports = ports;
        this.tokens = new IssuerTokens(ports.issuer());
        this.ledger = ledger;
        this.people = people;
        this.run = run;
    }

    /** A new person's commands begin every {@code interval} until {@link #stopStarting()}. */
    void start(Duration interval) {
        starting = scheduler.scheduleAtFixedRate(this::beginJourney, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stopStarting() {
        starting.cancel(false);
    }

    /** Waits until every command begun has been accepted or refused. */
    void awaitFinished(Duration patience) {
        await("every command begun answered 2xx (" + open.get() + " open)").atMost(patience)
                .pollInterval(Duration.ofMillis(200)).until(() -> open.get() == 0);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void beginJourney() {
        int n = people.getAndIncrement();
        send(new Command(Ledger.Kind.ENROLMENT, ports.port("participant"), "/api/projects/" + InventedPeople.PROJECT + "/participants",
                InventedPeople.enrolment(n), run + "-enrol-" + n, null, null, null), participantId -> {
            boolean retractsAnActivity = n % RETRACTED_ACTIVITY_EVERY == 0;
            String kept = retractsAnActivity ? "INDIVIDUAL_GUIDANCE" : "DIGITAL_GUIDANCE";
            recordActivity(participantId, kept, run + "-activity-" + n, activityId -> {
                recordOutcome(participantId, "STEP_FORWARD", run + "-outcome-" + n, outcomeId -> { });
                if (retractsAnActivity) {
                    recordActivity(participantId, "DIGITAL_GUIDANCE", run + "-activity-retracted-" + n, retracted ->
                            retract(Ledger.Kind.ACTIVITY_RETRACTION, "activity", "/api/activities/", retracted, participantId));
                }
                if (n % RETRACTED_OUTCOME_EVERY == 0) {
                    recordOutcome(participantId, "EMPLOYED", run + "-outcome-retracted-" + n, retracted ->
                            retract(Ledger.Kind.OUTCOME_RETRACTION, "outcome", "/api/outcomes/", retracted, participantId));
                }
            });
        });
    }

    private void recordActivity(String participantId, String type, String idempotencyKey, Consumer<String> then) {
        String date = InventedPeople.ENROLLED_ON.plusDays(7).toString();
        send(new Command(Ledger.Kind.ACTIVITY, ports.port("activity"), "/api/participants/" + participantId + "/activities",
                "{\"type\": \"" + type + "\", \"date\": \"" + date + "\", \"hours\": 1.5}", idempotencyKey, participantId, type, null),
                then);
    }

    private void recordOutcome(String participantId, String type, String idempotencyKey, Consumer<String> then) {
        String date = InventedPeople.ENROLLED_ON.plusDays(30).toString();
        send(new Command(Ledger.Kind.OUTCOME, ports.port("outcome"), "/api/participants/" + participantId + "/outcomes",
                "{\"type\": \"" + type + "\", \"date\": \"" + date + "\"}", idempotencyKey, participantId, type, null), then);
    }

    private void retract(Ledger.Kind kind, String service, String path, String id, String participantId) {
        send(new Command(kind, ports.port(service), path + id, null, null, participantId, null, id), retracted -> { });
    }

    /**
     * One command: its request (a POST with its body, or a retraction: a DELETE without one), and the id its 2xx answer
     * stands for: the one it created, read from the answer, or the one it retracted.
     */
    private record Command(Ledger.Kind kind, int port, String path, String body, String idempotencyKey, String participantId,
                           String type, String retracts) {

        HttpRequest request(String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", authorization);
            if (body == null) {
                return request.DELETE().build();
            }
            return request.header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        String id(String answer) {
            return switch (kind) {
                case ENROLMENT -> CommandLoad.id(answer, "participantId");
                case ACTIVITY -> CommandLoad.id(answer, "activityId");
                case OUTCOME -> CommandLoad.id(answer, "outcomeId");
                default -> retracts;
            };
        }
    }

    private void send(Command command, Consumer<String> then) {
        ledger.commandBegun();
        open.incrementAndGet();
        attempt(command, then, 0);
    }

    private void attempt(Command command, Consumer<String> then, int failures) {
        ledger.attempted();
        http.sendAsync(command.request(tokens.bearer(Identities.staffOf(InventedPeople.PROJECT))), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> answered(command, then, failures, response, failure));
    }

    private void answered(Command command, Consumer<String> then, int failures, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            retry(command, then, failures, "no answer", backoff(failures));
        } else if (response.statusCode() / 100 == 2) {
            String id = command.id(response.body());
            ledger.accepted(command.kind(), id, command.participantId() == null ? id : command.participantId(), command.type());
            then.accept(id);
            open.decrementAndGet();
        } else if (response.statusCode() >= 500) {
            retry(command, then, failures, "5xx", backoff(failures));
        } else if (response.statusCode() == 404 && response.body().contains("not-known-yet")) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            retry(command, then, failures, "404 not-known-yet", TimeUnit.SECONDS.toMillis(seconds));
        } else if (command.kind() != Ledger.Kind.ENROLMENT && (response.statusCode() == 403 || response.statusCode() == 404)) {
            retry(command, then, failures, response.statusCode() + " membership not known yet", backoff(failures));
        } else {
            ledger.refused(command.kind() + " " + command.path() + ": " + response.statusCode() + " " + response.body());
            open.decrementAndGet();
        }
    }

    private void retry(Command command, Consumer<String> then, int failures, String reason, long delayMillis) {
        ledger.retrying(reason);
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> attempt(command, then, failures + 1), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static long backoff(int failures) {
        return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures, 8));
    }

    private static String id(String body, String field) {
        try {
            return JSON.readTree(body).get(field).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
