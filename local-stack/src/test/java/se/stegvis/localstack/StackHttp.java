package se.stegvis.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain reads of the running stack's HTTP APIs, for the checks (the load has its own client). */
final class StackHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StackPorts ports;

    StackHttp(StackPorts ports) {
        this.ports = ports;
    }

    /** The JSON of a {@code GET} that must answer 200. */
    JsonNode get(String service, String path) {
        HttpResponse<String> response = send(service, HttpRequest.newBuilder(uri(service, path)).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " on " + service + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** A {@code POST} without a body; its status. */
    int post(String service, String path) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).POST(HttpRequest.BodyPublishers.noBody())).statusCode();
    }

    /**
     * Everything reporting-service shows: each project's exact indicators (every project of participant-service's
     * catalogue) and the consolidated view, by path.
     */
    Map<String, JsonNode> reportingViews() {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (JsonNode project : get("participant", "/api/projects")) {
            String path = "/api/projects/" + project.get("projectId").asText() + "/indicators";
            views.put(path, get("reporting", path));
        }
        views.put("/api/indicators", get("reporting", "/api/indicators"));
        return views;
    }

    private URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + ports.port(service) + path);
    }

    private HttpResponse<String> send(String service, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(service + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
