package se.stegvis.issuer;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stegvis.issuer.*}: the issuer URL that every token's {@code iss} carries (services compare it with their
 * configured issuer-uri, so it is set, never guessed from the request's host), the audience every Stegvis service
 * checks, how long an access token lives, and where the browser dashboard lives.
 */
@ConfigurationProperties("stegvis.issuer")
public record IssuerProperties(
        @DefaultValue("http://localhost:8094") String url,
        @DefaultValue("stegvis") String audience,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("http://localhost:8090/") List<String> dashboardRedirectUris,
        @DefaultValue("http://localhost:8090") List<String> allowedOrigins) {
}
