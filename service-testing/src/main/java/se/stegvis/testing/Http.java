package se.stegvis.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test: JSON in, status, content type and body out. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String bearerToken;

    public Http(String baseUrl) {
        this(baseUrl, null);
    }

    private Http(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /** The same client sending {@code Authorization: Bearer <token>} with every request. */
    public Http withToken(String token) {
        return new Http(baseUrl, token);
    }

    /** The same client with no token: what a caller who has not signed in sends. */
    public Http anonymous() {
        return new Http(baseUrl, null);
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** A POST without a body, e.g. a command that takes none. */
    public Reply post(String path) {
        return send("POST", path, null, Map.of());
    }

    public Reply post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Reply put(String path, String body) {
        return send("PUT", path, body, Map.of());
    }

    public Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
