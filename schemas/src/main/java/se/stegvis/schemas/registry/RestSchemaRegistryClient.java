package se.stegvis.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a Confluent-compatible Schema Registry over its REST API, as Confluent's own client does: the
 * {@code application/vnd.schemaregistry.v1+json} content type, errors as {@code {"error_code", "message"}}.
 * Several base URLs may be given; a call that gets no answer from one tries the next. No caching here: wrap it in
 * {@link CachingSchemaRegistryClient}. Credentials, when there are any, go as HTTP Basic on every call, as Confluent's
 * client sends them; they are never part of a message or of {@link #toString()}.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A registry URL without its userinfo, and the Authorization header for it (null: none). */
    private record Endpoint(URI baseUrl, String authorization) {
    }

    private final List<Endpoint> endpoints;
    private final HttpClient http;

    /** Credentials only from a URL's own userinfo ({@code http://user:password@host:8081}), as with Confluent's URL source. */
    public RestSchemaRegistryClient(List<String> baseUrls) {
        this(baseUrls, null);
    }

    /**
     * @param userInfo {@code user:password} sent to every URL (Confluent's {@code USER_INFO} source), or null to send
     *        each URL's own userinfo if it has one (Confluent's {@code URL} source, its default). Userinfo is taken out
     *        of the URLs either way, so that no message names it.
     */
    public RestSchemaRegistryClient(List<String> baseUrls, String userInfo) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        this.endpoints = baseUrls.stream().map(url -> endpoint(url, userInfo)).toList();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Endpoint endpoint(String url, String userInfo) {
        URI uri = URI.create(url.endsWith("/") ? url : url + "/");
        String credentials = userInfo != null ? userInfo : uri.getUserInfo();
        try {
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return new Endpoint(bare, credentials == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a schema registry URL: " + uri.getHost(), e);
        }
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + urls();
    }

    private List<URI> urls() {
        return endpoints.stream().map(Endpoint::baseUrl).toList();
    }

    @Override
    public int register(String subject, Schema schema) {
        return call("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return call("POST", "subjects/" + encode(subject), schemaBody(schema)).get("id").asInt();
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = call("GET", "subjects/" + encode(subject) + "/versions/latest", null);
        return new RegisteredSchema(subject, answer.get("id").asInt(), answer.get("version").asInt(),
                new Schema.Parser().parse(answer.get("schema").asText()));
    }

    @Override
    public Schema schemaById(int id) {
        return new Schema.Parser().parse(call("GET", "schemas/ids/" + id, null).get("schema").asText());
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (Endpoint endpoint : endpoints) {
            try {
                HttpRequest request = request(endpoint.baseUrl().resolve(path), endpoint.authorization(), method, body);
                return answer(http.send(request, HttpResponse.BodyHandlers.ofString()), endpoint.authorization() != null);
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("no schema registry answered at " + urls(), lastFailure);
    }

    private static HttpRequest request(URI uri, String authorization, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", ACCEPT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode answer(HttpResponse<String> response, boolean sentCredentials) throws IOException {
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() / 100 == 2) {
            return json;
        }
        int errorCode = json.path("error_code").asInt(response.statusCode());
        String message = json.path("message").asText("no message");
        if (response.statusCode() == 401) {
            // Say what to change: the registry's own answer is only "Unauthorized".
            message += sentCredentials ? "; the registry refused the credentials sent (basic.auth.user.info, or the"
                    + " userinfo of schema.registry.url)" : "; the registry wants credentials for this call: set"
                    + " basic.auth.credentials.source=USER_INFO and basic.auth.user.info=user:password";
        }
        throw new SchemaRegistryException(response.statusCode(), errorCode, message);
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new SchemaRegistryException("could not write the request", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
