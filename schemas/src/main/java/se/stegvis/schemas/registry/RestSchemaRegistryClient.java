package se.stegvis.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a Confluent-compatible Schema Registry over its REST API, as Confluent's own client does: the
 * {@code application/vnd.schemaregistry.v1+json} content type, errors as {@code {"error_code", "message"}}.
 * Several base URLs may be given; a call that gets no answer from one tries the next. No caching here: wrap it in
 * {@link CachingSchemaRegistryClient}.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final HttpClient http;

    public RestSchemaRegistryClient(List<String> baseUrls) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        this.baseUrls = baseUrls.stream().map(url -> URI.create(url.endsWith("/") ? url : url + "/")).toList();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        for (URI baseUrl : baseUrls) {
            try {
                return answer(http.send(request(baseUrl.resolve(path), method, body), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("no schema registry answered at " + baseUrls, lastFailure);
    }

    private static HttpRequest request(URI uri, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", ACCEPT);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode answer(HttpResponse<String> response) throws IOException {
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() / 100 == 2) {
            return json;
        }
        int errorCode = json.path("error_code").asInt(response.statusCode());
        String message = json.path("message").asText("no message");
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
