package se.stegvis.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the services: any method, body, content type and headers in; status, headers and body out. Signed in as one
 * identity, whose token (from a {@link TokenSource}, fetched again before it expires) goes with every request that
 * does not carry an {@code Authorization} header of its own; {@link #anonymous()} sends none.
 */
final class ServiceCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TokenSource tokens;
    private final String identity;

    ServiceCalls(TokenSource tokens, String identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    /** The same client signed in as another identity. */
    ServiceCalls as(String other) {
        return new ServiceCalls(tokens, other);
    }

    /** The same client without a token: what a caller who has not signed in sends. */
    ServiceCalls anonymous() {
        return new ServiceCalls(tokens, null);
    }

    String identity() {
        return identity;
    }

    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The reply as far as a failure message needs it. */
        String describe() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    /**
     * The answer once the participant, and the caller's membership of its project, have reached the service: until
     * then activity- and outcome-service answer 404 {@code not-known-yet} with Retry-After, as their READMEs tell
     * clients to expect right after an enrolment, and a 403 or 404 right after a membership was granted (they learn
     * memberships from stegvis.memberships.v1). Only for a request that must go through: a refused request stores
     * nothing, so sending it again is safe.
     */
    static Reply untilKnown(Supplier<Reply> request) {
        AtomicReference<Reply> last = new AtomicReference<>();
        await("the participant and the caller's membership to reach the service").atMost(WholeSystemScenario.PATIENCE)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last.set(request.get());
                    return last.get().status() != 404 && last.get().status() != 403;
                });
        return last.get();
    }

    Reply get(String url) {
        return send("GET", url, null, null, Map.of());
    }

    Reply delete(String url) {
        return send("DELETE", url, null, null, Map.of());
    }

    /** A JSON body sent with {@code Content-Type: application/json}. */
    Reply json(String method, String url, String body, Map<String, String> headers) {
        return send(method, url, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply json(String method, String url, String body) {
        return json(method, url, body, Map.of());
    }

    /** Anything: a null content type sends none, a null body sends no body. */
    Reply send(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (identity != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", tokens.bearer(identity));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
