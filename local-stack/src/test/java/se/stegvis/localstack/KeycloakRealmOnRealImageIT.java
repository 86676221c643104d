package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import se.stegvis.issuer.DemoClients;
import se.stegvis.issuer.DemoIdentity;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * keycloak/stegvis-realm.json on the real Keycloak image (the root pom's image.keycloak, which ImageTagsTest keeps
 * equal to docker-compose.yml's), started as compose starts it: the same command, environment and realm file, read
 * from the compose file. Every demo identity gets a client-credentials token with the secret {@code demo} whose
 * {@code iss}, {@code aud}, {@code sub} and {@code roles} are what the services are configured to accept and what
 * the local issuer gives, signed with a key from the JWK set URI the services use; a wrong secret is refused; each
 * demo user signs in through the dashboard's client (authorization code with PKCE S256, no browser: the login form is
 * posted as a browser would) and gets the same {@code sub} and roles as its client. Skipped where no Docker engine
 * runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakRealmOnRealImageIT {

    private static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    private static final KeycloakCompose COMPOSE = KeycloakCompose.read(ROOT);
    /** A claim written twice (two sub, say) is refused by the services' JWT parser, so it is here too. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNode REALM_FILE = JSON.readTree(COMPOSE.realmFile().toFile());
    private static final String REALM = REALM_FILE.path("realm").asString();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    @Container
    static final GenericContainer<?> KEYCLOAK = new GenericContainer<>(
            DockerImageName.parse(System.getProperty("image.keycloak", COMPOSE.image())))
            .withCommand(COMPOSE.command().toArray(String[]::new))
            .withEnv(COMPOSE.environment())
            .withCopyFileToContainer(MountableFile.forHostPath(COMPOSE.realmFile()), COMPOSE.realmFileInContainer())
            .withExposedPorts(COMPOSE.httpPort(), COMPOSE.managementPort())
            .waitingFor(Wait.forHttp("/health/ready").forPort(COMPOSE.managementPort()).forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5)));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static Stream<DemoIdentity> identities() {
        return DemoIdentity.ALL.stream();
    }

    @Test
    void discovery_answers_with_the_issuer_the_services_check() throws Exception {
        HttpResponse<String> response = http.send(get(realmUrl() + "/.well-known/openid-configuration"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(response.body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(issuer());
        assertThat(strings(discovery.path("grant_types_supported"))).contains("client_credentials", "authorization_code");
        assertThat(strings(discovery.path("code_challenge_methods_supported"))).contains("S256");
    }

    @Test
    void the_compose_health_check_passes() throws Exception {
        ExecResult result = KEYCLOAK.execInContainer(COMPOSE.healthcheck().toArray(String[]::new));

        assertThat(result.getExitCode()).as("%s%n%s", result.getStdout(), result.getStderr()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void a_client_credentials_token_with_the_secret_demo_has_the_client_id_as_sub_its_roles_and_the_audience(
            DemoIdentity identity) throws Exception {
        HttpResponse<String> response = clientCredentials(identity.name(), DemoIdentity.PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("token_type").asString()).isEqualToIgnoringCase("Bearer");
        JsonNode claims = verifiedClaims(answer.path("access_token").asString());
        assertIdentity(claims, identity);
        assertThat(claims.path("azp").asString()).isEqualTo(identity.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void a_wrong_secret_is_refused(DemoIdentity identity) throws Exception {
        HttpResponse<String> response = clientCredentials(identity.name(), "not-" + DemoIdentity.PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).has("access_token")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void the_user_signs_in_through_the_dashboard_with_pkce_and_gets_the_same_sub_and_roles_as_its_client(
            DemoIdentity identity) throws Exception {
        HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        String verifier = verifier();
        String state = UUID.randomUUID().toString();

        HttpResponse<String> loginPage = browser.send(get(authorize(state, Map.of("code_challenge", s256(verifier),
                "code_challenge_method", "S256"))), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);

        HttpResponse<String> signedIn = browser.send(post(loginAction(loginPage.body()), form(Map.of(
                "username", identity.name(), "password", DemoIdentity.PASSWORD, "credentialId", ""))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("the login form answers with a redirect to the dashboard: %s", signedIn.body())
                .isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(dashboardRedirect());
        Map<String, String> callback = query(URI.create(location).getRawQuery());
        assertThat(callback).containsEntry("state", state).containsKey("code").doesNotContainKey("error");

        HttpResponse<String> tokens = http.send(post(URI.create(realmUrl() + "/protocol/openid-connect/token"), form(Map.of(
                "grant_type", "authorization_code", "client_id", DemoClients.DASHBOARD, "code", callback.get("code"),
                "redirect_uri", dashboardRedirect(), "code_verifier", verifier))), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode claims = verifiedClaims(JSON.readTree(tokens.body()).path("access_token").asString());
        assertIdentity(claims, identity);
    }

    @Test
    void the_dashboard_is_refused_a_code_without_an_s256_challenge() throws Exception {
        String verifier = verifier();
        List<Map<String, String>> refused = List.of(Map.of(), Map.of("code_challenge", verifier, "code_challenge_method", "plain"));
        for (Map<String, String> pkce : refused) {
            HttpResponse<String> response = http.send(get(authorize("pkce", pkce)), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("%s: %s", pkce, response.body()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location).as(pkce.toString()).startsWith(dashboardRedirect());
            assertThat(query(URI.create(location).getRawQuery())).as(pkce.toString())
                    .containsEntry("error", "invalid_request").doesNotContainKey("code");
        }
    }

    @Test
    void the_dashboard_gets_no_token_by_password() throws Exception {
        HttpResponse<String> response = http.send(post(URI.create(realmUrl() + "/protocol/openid-connect/token"), form(Map.of(
                "grant_type", "password", "client_id", DemoClients.DASHBOARD, "username", "malmo-staff",
                "password", DemoIdentity.PASSWORD))), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isIn(400, 401);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.has("access_token")).isFalse();
        assertThat(answer.path("error").asString()).isNotBlank();
    }

    @Test
    void the_imported_dashboard_client_is_public_and_requires_pkce_s256() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + REALM
                        + "/clients?clientId=" + DemoClients.DASHBOARD)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> clients = new ArrayList<>();
        JSON.readTree(response.body()).forEach(clients::add);
        assertThat(clients).hasSize(1);
        JsonNode dashboard = clients.get(0);
        assertThat(dashboard.path("publicClient").asBoolean()).isTrue();
        assertThat(dashboard.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(dashboard.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(dashboard.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(dashboard.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(dashboard.path("redirectUris"))).containsExactly(dashboardRedirect());
    }

    /** What the services read, and what the local issuer gives the same identity. */
    private static void assertIdentity(JsonNode claims, DemoIdentity identity) {
        assertThat(claims.path("iss").asString()).as("iss").isEqualTo(issuer());
        JsonNode aud = claims.path("aud");
        assertThat(aud.isArray() ? strings(aud) : List.of(aud.asString())).as("aud").contains(audience());
        assertThat(claims.path("sub").asString()).as("sub").isEqualTo(identity.name());
        JsonNode roles = claims.path("roles");
        if (identity.roles().isEmpty()) {
            // Keycloak leaves an empty multivalued claim out; the services read a missing roles as none.
            assertThat(roles.isMissingNode() || roles.isArray() && roles.isEmpty()).as("roles: " + roles).isTrue();
        } else {
            assertThat(roles.isArray()).as("roles: " + roles).isTrue();
            assertThat(strings(roles)).as("roles").containsExactlyInAnyOrderElementsOf(identity.roles());
        }
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("lifetime in seconds")
                .isEqualTo(REALM_FILE.path("accessTokenLifespan").asLong());
    }

    /**
     * The token's claims, once its signature is verified with a key from the JWK set URI the services are given
     * (reached at the container's port instead of keycloak:8094) and its algorithm is RS256, the only one a Spring
     * resource server accepts unless told otherwise (the services are not).
     */
    private JsonNode verifiedClaims(String token) throws Exception {
        assertThat(token).isNotBlank();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        String keys = URI.create(COMPOSE.signIn().get(KeycloakCompose.JWK_SET_URI)).getRawPath();
        HttpResponse<String> jwks = http.send(get(base() + keys), HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).as(jwks.body()).isEqualTo(200);
        JWK key = JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("key " + jwt.getHeader().getKeyID() + " in " + jwks.body()).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();

        String[] parts = token.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The compose default of the console's own account (master realm), which the admin API wants. */
    private String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post(URI.create(base() + "/realms/master/protocol/openid-connect/token"),
                form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", COMPOSE.environment().get("KC_BOOTSTRAP_ADMIN_USERNAME"),
                        "password", COMPOSE.environment().get("KC_BOOTSTRAP_ADMIN_PASSWORD")))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static String authorize(String state, Map<String, String> pkce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", DemoClients.DASHBOARD);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid");
        parameters.put("redirect_uri", dashboardRedirect());
        parameters.put("state", state);
        parameters.putAll(pkce);
        return realmUrl() + "/protocol/openid-connect/auth?" + form(parameters);
    }

    /**
     * Where the login form posts to. Keycloak writes its front-end URL (KC_HOSTNAME) into the page; this test
     * reaches the same server at the container's mapped port, so only the scheme, host and port are replaced.
     */
    private static URI loginAction(String page) {
        Matcher form = LOGIN_FORM.matcher(page);
        assertThat(form.find()).as("a login form in: " + page).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).as("the login form's action: " + form.group()).isTrue();
        URI written = URI.create(action.group(1).replace("&amp;", "&"));
        return URI.create(base() + written.getRawPath() + (written.getRawQuery() == null ? "" : "?" + written.getRawQuery()));
    }

    /** A PKCE code verifier: 32 random bytes, base64url (43 characters). */
    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpRequest post(URI url, String form) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String base() {
        return "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(COMPOSE.httpPort());
    }

    private static String realmUrl() {
        return base() + "/realms/" + REALM;
    }

    /** The issuer-uri the services of docker-compose.yml compare iss with. */
    private static String issuer() {
        return COMPOSE.signIn().get(KeycloakCompose.ISSUER_URI);
    }

    private static String audience() {
        return COMPOSE.signIn().get(KeycloakCompose.AUDIENCES);
    }

    private static String dashboardRedirect() {
        for (JsonNode client : REALM_FILE.path("clients")) {
            if (client.path("clientId").asString().equals(DemoClients.DASHBOARD)) {
                return client.path("redirectUris").path(0).asString();
            }
        }
        throw new IllegalStateException("No " + DemoClients.DASHBOARD + " client in " + COMPOSE.realmFile());
    }
}
