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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain reads of the running stack's HTTP APIs, for the checks (the load has its own client), each signed in as
 * whoever may ask ({@link #identityFor(String)}).
 */
final class StackHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROJECT_PATH = Pattern.compile("/api/projects/([^/]+)/.*");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StackPorts ports;
    private final IssuerTokens tokens;
    private final Set<String> granted = ConcurrentHashMap.newKeySet();

    StackHttp(StackPorts ports) {
        this.ports = ports;
        this.tokens = new IssuerTokens(ports.issuer());
    }

    /**
     * A project's own figures as its staff (made a member by {@code admin} first where no demo identity is), the
     * consolidated view as {@code malmo-owner}, a rebuild as {@code admin}, the catalogue as {@code integrator}.
     */
    String identityFor(String path) {
        Matcher project = PROJECT_PATH.matcher(path);
        if (project.matches()) {
            String projectId = project.group(1);
            if (!DemoMembers.STAFF.containsKey(projectId) && granted.add(projectId)) {
                new DemoMembers(URI.create("http://127.0.0.1:" + ports.port("participant")), tokens)
                        .put(projectId, Identities.TEST_STAFF, "STAFF");
            }
            return Identities.staffOf(projectId);
        }
        if (path.startsWith("/api/indicators")) {
            return DemoMembers.OWNER;
        }
        return path.startsWith("/api/admin/") ? DemoMembers.ADMIN : DemoMembers.INTEGRATOR;
    }

    /** The JSON of a {@code GET} that must answer 200. */
    JsonNode get(String service, String path) {
        HttpResponse<String> response = send(service, signed(path, HttpRequest.newBuilder(uri(service, path)).GET()));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " on " + service + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** A {@code POST} without a body; its status. */
    int post(String service, String path) {
        return send(service, signed(path, HttpRequest.newBuilder(uri(service, path)).POST(HttpRequest.BodyPublishers.noBody())))
                .statusCode();
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

    private HttpRequest.Builder signed(String path, HttpRequest.Builder request) {
        return request.header("Authorization", tokens.bearer(identityFor(path)));
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
