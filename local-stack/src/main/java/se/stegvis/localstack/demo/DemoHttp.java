package se.stegvis.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import se.stegvis.localstack.TokenSource;

/**
 * JSON over HTTP to the services, as any integrator would call them, signed in as one identity
 * ({@code Authorization: Bearer}, tokens from a {@link TokenSource}). A {@code 404 not-known-yet} is sent again after
 * its {@code Retry-After}, backing off, as activity- and outcome-service ask of a client that has just enrolled
 * someone: their replica learns of the enrolment moments later, through Kafka. A client made for
 * {@link #awaitingMembership() a service that learns memberships from Kafka} also sends a 403 or 404 again until
 * its patience runs out: right after a membership is granted that service does not know of it yet. Any other answer
 * is final.
 */
final class DemoHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_KNOWN_YET = "/not-known-yet";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Duration patience;
    private final TokenSource tokens;
    private final String identity;
    private final boolean awaitingMembership;

    /** Without a token: for what answers anyone, and for tests against a fake service. */
    DemoHttp(Duration patience) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), patience, null, null, false);
    }

    /** @param patience how long to keep retrying a not-known-yet before the id is taken to be wrong */
    DemoHttp(Duration patience, TokenSource tokens) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), patience, tokens, null, false);
    }

    private DemoHttp(HttpClient client, Duration patience, TokenSource tokens, String identity, boolean awaitingMembership) {
        this.client = client;
        this.patience = patience;
        this.tokens = tokens;
        this.identity = identity;
        this.awaitingMembership = awaitingMembership;
    }

    /** The same client, signed in as this demo identity. */
    DemoHttp as(String identity) {
        if (tokens == null) {
            throw new IllegalStateException("No issuer to sign " + identity + " in");
        }
        return new DemoHttp(client, patience, tokens, identity, awaitingMembership);
    }

    /** The same client, sending a 403 or 404 again for as long as a not-known-yet. */
    DemoHttp awaitingMembership() {
        return new DemoHttp(client, patience, tokens, identity, true);
    }

    record Answer(int status, JsonNode body) {

        /** The answer if its status is one of {@code expected}; else the failure, with the problem's detail. */
        Answer expect(String what, int... expected) {
            if (Arrays.stream(expected).noneMatch(status -> status == this.status)) {
                throw new DemoLoadFailed(what + " answered " + status + ": " + body.path("detail").asString("")
                        + (body.has("errors") ? " " + body.get("errors") : ""));
            }
            return this;
        }

        String text(String field) {
            return body.path(field).asString();
        }
    }

    Answer get(URI service, String path) {
        return send(service, "GET", path, null, null);
    }

    Answer post(URI service, String path, Object body, String idempotencyKey) {
        return send(service, "POST", path, JSON.writeValueAsString(body), idempotencyKey);
    }

    Answer delete(URI service, String path) {
        return send(service, "DELETE", path, null, null);
    }

    private Answer send(URI service, String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            if (identity != null) {
                request.setHeader("Authorization", bearer());
            }
            HttpResponse<String> response = exchange(service, request.build());
            Answer answer = new Answer(response.statusCode(), json(response.body()));
            if (!(notKnownYet(answer) || awaitingMembership && refused(answer)) || System.nanoTime() > deadline) {
                return answer;
            }
            pause(Duration.ofSeconds(retryAfter(response)).multipliedBy(Math.min(attempt, 4)));
        }
    }

    private HttpResponse<String> exchange(URI service, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoLoadFailed(service + " does not answer (" + e.getClass().getSimpleName()
                    + "): is the stack running? Start it with ./mvnw -Pstack");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadFailed("interrupted");
        }
    }

    /** The token fetched again before it expires: a load may outlast one. */
    private String bearer() {
        try {
            return tokens.bearer(identity);
        } catch (IllegalStateException e) {
            throw new DemoLoadFailed("no token for " + identity + ": " + e.getMessage());
        }
    }

    /** Not (yet) a member as far as this service knows: a 403, or a 404 for a participant of another project. */
    private static boolean refused(Answer answer) {
        return answer.status() == 403 || answer.status() == 404;
    }

    private static boolean notKnownYet(Answer answer) {
        return answer.status() == 404 && answer.body().path("type").asString("").endsWith(NOT_KNOWN_YET);
    }

    /** Seconds, as the services send it; a missing or unreadable header means one second. */
    private static long retryAfter(HttpResponse<String> response) {
        try {
            return Math.max(0, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The body as JSON; a body that is none (an empty 204, a proxy's error page) reads as missing. */
    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadFailed("interrupted");
        }
    }
}
