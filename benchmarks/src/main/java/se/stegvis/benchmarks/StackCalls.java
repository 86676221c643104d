package se.stegvis.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import se.stegvis.localstack.TokenSource;

/**
 * JSON over HTTP to the stack's services, signed in as one of the local issuer's identities, as an integrator's
 * client calls them ({@code HttpURLConnection}: it costs the shared CPU less than the JDK's {@code HttpClient}, see
 * enrolment-analysis.md). A {@code 404 not-known-yet} is asked again after its {@code Retry-After}, as activity- and
 * outcome-service ask of a client right after an enrolment; so is a request whose connection failed, since every
 * request the seeding repeats carries an {@code Idempotency-Key} or changes nothing the second time.
 */
final class StackCalls {

    record Answer(int status, String body) {

        /** This answer if its status is one of {@code expected}; else a failure naming the request and the problem. */
        Answer expect(String what, int... expected) {
            if (Arrays.stream(expected).noneMatch(status -> status == this.status)) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }

        /** A string field of the JSON body, found by name (the services' answers here are flat). */
        String text(String field) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + field + " in " + body);
            }
            return matcher.group(1);
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CONNECT_ATTEMPTS = 3;

    private final TokenSource tokens;

    StackCalls(TokenSource tokens) {
        this.tokens = tokens;
    }

    Answer get(URI uri, String identity) {
        return send("GET", uri, identity, null, null);
    }

    Answer post(URI uri, String identity, String json, String idempotencyKey) {
        return send("POST", uri, identity, json, idempotencyKey);
    }

    Answer put(URI uri, String identity, String json) {
        return send("PUT", uri, identity, json, null);
    }

    Answer delete(URI uri, String identity) {
        return send("DELETE", uri, identity, null, null);
    }

    Answer send(String method, URI uri, String identity, String json, String idempotencyKey) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        int failedConnections = 0;
        while (true) {
            try {
                Answered answered = once(method, uri, identity, json, idempotencyKey);
                if (!answered.notKnownYet() || System.nanoTime() > giveUp) {
                    return answered.answer();
                }
                Thread.sleep(Math.max(200, answered.retryAfterSeconds() * 1000L));
            } catch (IOException e) {
                if (++failedConnections >= CONNECT_ATTEMPTS) {
                    throw new IllegalStateException(method + " " + uri.getPath() + " got no answer (" + e + ")", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private record Answered(Answer answer, long retryAfterSeconds) {
        boolean notKnownYet() {
            return answer.status() == 404 && answer.body().contains("not-known-yet");
        }
    }

    private Answered once(String method, URI uri, String identity, String json, String idempotencyKey) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(120_000);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", tokens.bearer(identity));
        if (idempotencyKey != null) {
            connection.setRequestProperty("Idempotency-Key", idempotencyKey);
        }
        if (json != null) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        String body;
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long retryAfter;
        try {
            retryAfter = Long.parseLong(connection.getHeaderField("Retry-After") == null ? "1" : connection.getHeaderField("Retry-After").trim());
        } catch (NumberFormatException e) {
            retryAfter = 1;
        }
        return new Answered(new Answer(status, body), retryAfter);
    }
}
