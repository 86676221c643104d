package se.stegvis.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the stack's OpenID Connect issuer, one per identity, by the client-credentials grant as any
 * system that calls Stegvis gets them. A token is kept and sent again until a minute before it expires (the local
 * issuer gives 15 minutes), then a new one is fetched: a long test or load never sends an expired token, and a run
 * does not ask the issuer once per request. One identity's token is fetched by one caller at a time, the others wait
 * for it: 200 senders starting at once asked the issuer 200 times and it timed out.
 */
public final class IssuerTokens implements TokenSource {

    /** Every demo identity's secret (local-issuer/README.md). */
    public static final String DEMO_SECRET = "demo";
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenEndpoint;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    private record Held(String token, Instant refreshAt) {
    }

    public IssuerTokens(String issuerUrl) {
        this(issuerUrl, Clock.systemUTC());
    }

    IssuerTokens(String issuerUrl, Clock clock) {
        this.tokenEndpoint = URI.create(issuerUrl.replaceAll("/+$", "") + "/oauth2/token");
        this.clock = clock;
    }

    /** For the stack these settings describe. */
    public static IssuerTokens of(StackSettings settings) {
        return new IssuerTokens(settings.issuerUrl());
    }

    /** A valid token of the demo identity (client id = identity, secret {@value #DEMO_SECRET}). */
    @Override
    public String token(String identity) {
        Held current = held.get(identity);
        if (valid(current)) {
            return current.token();
        }
        synchronized (fetching.computeIfAbsent(identity, id -> new Object())) {
            Held meanwhile = held.get(identity);
            if (valid(meanwhile)) {
                return meanwhile.token();
            }
            Held fresh = fetch(identity, DEMO_SECRET);
            held.put(identity, fresh);
            return fresh.token();
        }
    }

    private boolean valid(Held token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private Held fetch(String identity, String secret) {
        String basic = Base64.getEncoder().encodeToString((identity + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The issuer at " + tokenEndpoint + " does not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The issuer refused a token for " + identity + ": " + response.statusCode());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new IllegalStateException("The issuer's token answer is not JSON", e);
        }
        String token = body.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException("The issuer's token answer for " + identity + " has no access_token");
        }
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(300));
        Duration margin = lifetime.compareTo(REFRESH_BEFORE_EXPIRY.multipliedBy(2)) > 0 ? REFRESH_BEFORE_EXPIRY : lifetime.dividedBy(2);
        return new Held(token, asked.plus(lifetime).minus(margin));
    }
}
