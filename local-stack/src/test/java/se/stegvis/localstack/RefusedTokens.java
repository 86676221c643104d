package se.stegvis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The tokens of the access table's columns {@code expired}, {@code other-issuer} and {@code forged}: each is a valid
 * token of the stack's issuer (for {@link #WHOSE}, who may do the most), its header and claims as issued, with
 * exactly one thing wrong, so that only the check of that one thing can refuse it. The stack's issuer keeps its key
 * in the data directory ({@code stegvis.issuer.key-file}), where this reads it:
 * <ul>
 * <li>{@code expired}: signed with the issuer's own key and key id, {@code exp} ten minutes ago, far beyond the
 * minute of clock skew a resource server allows;
 * <li>{@code other-issuer}: signed with the issuer's own key and key id, but {@code iss} names another issuer (a token
 * signed by another issuer's key would be refused by the signature check, which {@code forged} covers);
 * <li>{@code forged}: nothing changed but the signature, made with a key of its own under the issuer's key id.
 * </ul>
 * Every other identity's token is the stack issuer's own. Each token is made when asked for, from a valid token of
 * that moment, so none of them expires during a long run but the one meant to.
 */
final class RefusedTokens implements TokenSource {

    static final String EXPIRED = "expired";
    static final String OTHER_ISSUER = "other-issuer";
    static final String FORGED = "forged";
    static final List<String> KINDS = List.of(EXPIRED, OTHER_ISSUER, FORGED);

    /** Whose valid token each is made from. */
    static final String WHOSE = "malmo-staff";
    static final String ANOTHER_ISSUER = "https://issuer.example.invalid";

    private final TokenSource issuer;
    private final RSAKey issuerKey;
    private final RSAKey forgersKey;

    /** @param keyFile the stack issuer's signing key, as it keeps it */
    RefusedTokens(TokenSource issuer, Path keyFile) {
        this.issuer = issuer;
        try {
            this.issuerKey = JWKSet.load(keyFile.toFile()).getKeys().get(0).toRSAKey();
        } catch (IOException e) {
            throw new UncheckedIOException("The issuer's key file " + keyFile + " cannot be read", e);
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's key file " + keyFile + " is not a JWK set");
        }
        try {
            this.forgersKey = new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String token(String identity) {
        return switch (identity) {
            case EXPIRED -> resigned(issuerKey, claims -> claims
                    .issueTime(minutesAgo(25)).notBeforeTime(minutesAgo(25)).expirationTime(minutesAgo(10)));
            case OTHER_ISSUER -> resigned(issuerKey, claims -> claims.issuer(ANOTHER_ISSUER));
            case FORGED -> resigned(forgersKey, UnaryOperator.identity());
            default -> issuer.token(identity);
        };
    }

    /**
     * A valid token of {@link #WHOSE} signed again by the issuer's key from the file, nothing changed: the control
     * that shows the key file holds the key in use, and that a refused token is refused for its one fault.
     */
    String resignedUnchanged() {
        return resigned(issuerKey, UnaryOperator.identity());
    }

    private String resigned(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> fault) {
        try {
            SignedJWT valid = SignedJWT.parse(issuer.token(WHOSE));
            if (!issuerKey.getKeyID().equals(valid.getHeader().getKeyID())) {
                throw new IllegalStateException("The issuer signs with key " + valid.getHeader().getKeyID()
                        + ", not with the key " + issuerKey.getKeyID() + " of its key file");
            }
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(valid.getHeader()).build(),
                    fault.apply(new JWTClaimsSet.Builder(valid.getJWTClaimsSet())).build());
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The issuer's token cannot be signed again: " + e.getMessage(), e);
        }
    }

    private static Date minutesAgo(int minutes) {
        return Date.from(Instant.now().minus(Duration.ofMinutes(minutes)));
    }
}
