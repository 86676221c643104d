package se.stegvis.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a schema registry, speaking as Confluent's Java client does. */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String CLIENT_ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, String contentType, String body, String authenticate) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String userInfo;

    /** A client that sends no credentials. */
    RegistryHttp(String baseUrl) {
        this(baseUrl, null);
    }

    /** A client that sends {@code userInfo} ("name:password") as HTTP Basic credentials on every request, if given. */
    RegistryHttp(String baseUrl, String userInfo) {
        this.baseUrl = baseUrl;
        this.userInfo = userInfo;
    }

    RegistryHttp as(String otherUserInfo) {
        return new RegistryHttp(baseUrl, otherUserInfo);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, V1_JSON, body);
    }

    Reply put(String path, String body) {
        return send("PUT", path, V1_JSON, body);
    }

    Reply send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, CLIENT_ACCEPT);
    }

    Reply send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (userInfo != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a register or lookup request: {"schema": "<the schema as a JSON string>"}. */
    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
