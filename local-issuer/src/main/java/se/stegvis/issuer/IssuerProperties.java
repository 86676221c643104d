package se.stegvis.issuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stegvis.issuer.*}: the issuer URL that every token's {@code iss} carries (services compare it with their
 * configured issuer-uri, so it is set, never guessed from the request's host), the audience every Stegvis service
 * checks, how long an access token lives, where the browser dashboard lives, and where the signing key is kept
 * ({@link SigningKey}; by default nowhere but in memory).
 */
@ConfigurationProperties("stegvis.issuer")
public record IssuerProperties(
        @DefaultValue("http://localhost:8094") String url,
        @DefaultValue("stegvis") String audience,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("http://localhost:8090/") List<String> dashboardRedirectUris,
        @DefaultValue("http://localhost:8090") List<String> allowedOrigins,
        String keyFile) {

    /**
     * Where the signing key is kept between starts (a file path, as given), if anywhere; unset or blank keeps it in
     * memory for this start only.
     */
    public Optional<Path> signingKeyFile() {
        return keyFile == null || keyFile.isBlank() ? Optional.empty() : Optional.of(Path.of(keyFile));
    }
}
