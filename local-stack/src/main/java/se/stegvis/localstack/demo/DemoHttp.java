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

/**
 * JSON over HTTP to the services, as any integrator would call them. A {@code 404 not-known-yet} is sent again after
 * its {@code Retry-After}, backing off, as activity- and outcome-service ask of a client that has just enrolled
 * someone: their replica learns of the enrolment moments later, through Kafka. Any other answer is final.
 */
final class DemoHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_KNOWN_YET = "/not-known-yet";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration patience;

    /** @param patience how long to keep retrying a not-known-yet before the id is taken to be wrong */
    DemoHttp(Duration patience) {
        this.patience = patience;
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
            HttpResponse<String> response = exchange(service, request.build());
            Answer answer = new Answer(response.statusCode(), json(response.body()));
            if (!notKnownYet(answer) || System.nanoTime() > deadline) {
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
