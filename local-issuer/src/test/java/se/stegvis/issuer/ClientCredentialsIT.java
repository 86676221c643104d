package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.issuer.IssuerHttp.form;
import static se.stegvis.issuer.IssuerHttp.json;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The issuer as a script or a service test uses it: discovery, a client_credentials token per demo identity, its
 * signature checked against the published keys, and the claims every Stegvis service reads.
 */
class ClientCredentialsIT {

    /** Not where the issuer answers (a free port on 127.0.0.1): iss must be what is configured, not the request's host. */
    private static final String ISSUER = "http://issuer.stegvis.test:8094";

    private static RunningIssuer issuer;
    private static IssuerHttp http;

    @BeforeAll
    static void start() {
        issuer = RunningIssuer.start("--stegvis.issuer.url=" + ISSUER);
        http = IssuerHttp.to(issuer.baseUrl());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void discovery_names_the_configured_issuer_and_the_openid_connect_endpoints() {
        HttpResponse<String> response = http.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = json(response);
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.path("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(discovery.path("grant_types_supported").toString()).contains("client_credentials", "authorization_code");
    }

    @Test
    void a_staff_client_gets_a_signed_token_for_stegvis_with_its_own_name_and_no_global_role() throws ParseException {
        Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> response = http.clientCredentials("malmo-staff", "demo");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JWTClaimsSet claims = verified(json(response).path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("malmo-staff");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).contains("stegvis");
        assertThat(claims.getClaim("roles")).as("roles is an array even when empty").isInstanceOf(java.util.List.class);
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(requested.plus(Duration.ofMinutes(15)), within(10, ChronoUnit.SECONDS));
        assertThat(json(response).path("expires_in").asLong()).isBetween(890L, 900L);
    }

    @Test
    void the_admin_client_authenticated_in_the_body_gets_its_admin_role() throws ParseException {
        HttpResponse<String> response = http.postForm("/oauth2/token", form("grant_type", "client_credentials",
                "client_id", "admin", "client_secret", "demo"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JWTClaimsSet claims = verified(json(response).path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getAudience()).contains("stegvis");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
    }

    @Test
    void a_wrong_secret_or_an_unknown_client_gets_401_and_no_token() {
        HttpResponse<String> wrongSecret = http.clientCredentials("malmo-staff", "not-demo");
        HttpResponse<String> unknown = http.clientCredentials("someone-else", "demo");

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).doesNotContain("access_token");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void the_dashboard_client_has_no_secret_to_get_a_token_with() {
        HttpResponse<String> response = http.postForm("/oauth2/token", form("grant_type", "client_credentials",
                "client_id", DemoClients.DASHBOARD));

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void health_is_open_and_a_refused_request_names_no_exception_or_stack_frame() {
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);

        HttpResponse<String> badBasic = http.postForm("/oauth2/token", form("grant_type", "client_credentials"),
                "Authorization", "Basic not-base64!!");
        HttpResponse<String> badGrant = http.postForm("/oauth2/token", form("grant_type", "password",
                "client_id", "admin", "client_secret", "demo", "username", "admin", "password", "demo"));
        HttpResponse<String> noSuchPage = http.get("/error", "Accept", "application/json");

        for (HttpResponse<String> refused : java.util.List.of(badBasic, badGrant, noSuchPage)) {
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 599);
            assertThat(refused.body()).doesNotContain("Exception", "\tat ", "trace", "org.springframework");
        }
    }

    private static JWTClaimsSet verified(String token) {
        return SignedTokens.verifiedClaims(token, http.get("/oauth2/jwks").body());
    }
}
