package se.stegvis.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OpenID Connect issuer for integration tests, once per test JVM: discovery and JWKS over HTTP, so a service
 * under test is configured exactly as in production (an issuer URI and an audience) and fetches the keys itself.
 * It signs the tokens the tests send, and the bad ones a service must refuse.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "stegvis";

    private static TestIssuer shared;

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;

    private TestIssuer() throws IOException {
        key = newKey("test-key");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
                .formatted(issuer, issuer)));
        server.createContext("/jwks", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.setExecutor(null);
        server.start();
    }

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            try {
                shared = new TestIssuer();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the test issuer", e);
            }
        }
        return shared;
    }

    public String issuerUri() {
        return issuer;
    }

    /** The arguments that make a service trust this issuer, as a deployment configures its own. */
    public List<String> serviceArguments() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
    }

    /** A valid token for 15 minutes, with the global roles given ("integrator", "auditor", "admin"). */
    public String token(String subject, String... roles) {
        return sign(key, claims(issuer, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    public String expiredToken(String subject, String... roles) {
        return sign(key, claims(issuer, subject, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)), roles));
    }

    public String tokenForAudience(String subject, String audience) {
        return sign(key, claims(issuer, subject, audience, Instant.now().plus(Duration.ofMinutes(15))));
    }

    /** Signed by a key this issuer never published, though it names this issuer. */
    public String tokenWithAForeignSignature(String subject) {
        return sign(newKey("test-key"), claims(issuer, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
    }

    /** Signed with this issuer's key but naming another issuer. */
    public String tokenFromAnotherIssuer(String subject) {
        return sign(key, claims("https://issuer.example.invalid", subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
    }

    /**
     * The clients a service must answer 401, by what is wrong with them: no token, an expired one, a foreign
     * signature, another issuer, another audience, not a JWT; each otherwise for the subject given.
     */
    public java.util.Map<String, Http> refusedClients(Http anonymous, String subject) {
        return java.util.Map.of(
                "no token", anonymous,
                "an expired token", anonymous.withToken(expiredToken(subject)),
                "a foreign signature", anonymous.withToken(tokenWithAForeignSignature(subject)),
                "another issuer", anonymous.withToken(tokenFromAnotherIssuer(subject)),
                "another audience", anonymous.withToken(tokenForAudience(subject, "another-api")),
                "not a JWT", anonymous.withToken("not-a-jwt"));
    }

    private static JWTClaimsSet claims(String issuer, String subject, String audience, Instant expires, String... roles) {
        Instant issued = expires.minus(Duration.ofMinutes(15));
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(roles)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
