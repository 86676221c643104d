package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.stegvis.issuer.DemoClients;
import se.stegvis.issuer.DemoIdentity;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * keycloak/stegvis-realm.json, as docker-compose.yml imports it, read without Keycloak: the same demo identities,
 * secrets, roles, audience, token lifetime and dashboard client as the local issuer (local-issuer's DemoIdentity and
 * application.yml), and the mappers that put {@code sub}, {@code roles} and the audience into every access token.
 * What Keycloak makes of the file is KeycloakRealmOnRealImageIT's part.
 */
class KeycloakRealmTest {

    private static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    /** A key written twice is not an error to Keycloak (the last one wins); here it is. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String ROLES_CLIENT = "stegvis";

    private final KeycloakCompose compose = KeycloakCompose.read(ROOT);
    private final JsonNode realm = JSON.readTree(compose.realmFile().toFile());
    private final Map<String, Object> localIssuer = localIssuerSettings();

    @Test
    void compose_imports_the_file_as_the_realm_whose_issuer_and_keys_the_services_are_given() {
        String name = realm.path("realm").asString();
        assertThat(name).isEqualTo("stegvis");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(compose.command()).contains("--import-realm");
        // The directory import takes the realm's name from the file's: <realm>-realm.json.
        assertThat(compose.realmFileInContainer()).isEqualTo(KeycloakCompose.IMPORT_DIRECTORY + name + "-realm.json");
        assertThat(compose.realmFile()).isRegularFile();

        Map<String, String> signIn = compose.signIn();
        assertThat(signIn.get(KeycloakCompose.ISSUER_URI)).as("iss of every token (KC_HOSTNAME) is what the services check")
                .isEqualTo(compose.environment().get("KC_HOSTNAME") + "/realms/" + name);
        assertThat(signIn.get(KeycloakCompose.JWK_SET_URI)).as("the keys, fetched inside the compose network")
                .isEqualTo("http://keycloak:" + compose.httpPort() + "/realms/" + name + "/protocol/openid-connect/certs");
        assertThat(compose.environment()).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        assertThat(signIn.get(KeycloakCompose.AUDIENCES)).isEqualTo(localIssuer.get("audience"));
    }

    @Test
    void every_demo_identity_is_a_user_whose_id_is_its_name_with_the_password_demo_and_its_global_roles() {
        Set<String> people = new LinkedHashSet<>();
        for (JsonNode user : realm.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                people.add(user.path("username").asString());
            }
        }
        assertThat(people).as("users who sign in").containsExactlyInAnyOrderElementsOf(names());

        for (DemoIdentity identity : DemoIdentity.ALL) {
            JsonNode user = user(identity.name());
            assertThat(user.path("id").asString()).as("id, the sub of " + identity.name() + "'s tokens").isEqualTo(identity.name());
            assertThat(user.path("enabled").asBoolean()).as(identity.name()).isTrue();
            assertThat(user.path("requiredActions").isEmpty()).as(identity.name() + ": nothing asked at sign-in").isTrue();
            // Keycloak's user profile asks at the first sign-in for what is missing of these.
            for (String field : List.of("email", "firstName", "lastName")) {
                assertThat(user.path(field).asString()).as(identity.name() + " " + field).isNotBlank();
            }
            assertThat(user.path("emailVerified").asBoolean()).as(identity.name()).isTrue();

            List<JsonNode> passwords = new ArrayList<>();
            user.path("credentials").forEach(passwords::add);
            assertThat(passwords).as(identity.name() + "'s credentials").hasSize(1);
            assertThat(passwords.get(0).path("type").asString()).isEqualTo("password");
            assertThat(passwords.get(0).path("value").asString()).as(identity.name()).isEqualTo(DemoIdentity.PASSWORD);
            assertThat(passwords.get(0).path("temporary").asBoolean()).as(identity.name()).isFalse();

            assertThat(strings(user.path("clientRoles").path(ROLES_CLIENT))).as(identity.name() + "'s global roles")
                    .containsExactlyInAnyOrderElementsOf(identity.roles());
            assertThat(strings(user.path("realmRoles"))).as(identity.name() + ": roles only through the client " + ROLES_CLIENT).isEmpty();
        }
    }

    @Test
    void every_demo_identity_is_a_confidential_client_with_the_secret_demo_that_only_gets_client_credentials_tokens() {
        for (DemoIdentity identity : DemoIdentity.ALL) {
            JsonNode client = client(identity.name());
            String name = identity.name();
            assertThat(client.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(client.path("protocol").asString()).as(name).isEqualTo("openid-connect");
            assertThat(client.path("publicClient").asBoolean()).as(name + " public").isFalse();
            assertThat(client.path("bearerOnly").asBoolean()).as(name + " bearer-only").isFalse();
            assertThat(client.path("clientAuthenticatorType").asString()).as(name).isEqualTo("client-secret");
            assertThat(client.path("secret").asString()).as(name + "'s secret").isEqualTo(DemoIdentity.PASSWORD);
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(name + ": client_credentials").isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(name + ": no browser flow").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(name).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(name + ": no password grant").isFalse();
            // Without the full scope, the stegvis client's roles would need a scope mapping to reach the token.
            assertThat(client.path("fullScopeAllowed").asBoolean(true)).as(name).isTrue();

            JsonNode serviceAccount = serviceAccountOf(name);
            assertThat(serviceAccount.path("username").asString()).isEqualTo("service-account-" + name);
            assertThat(serviceAccount.path("enabled").asBoolean()).as(name + "'s service account").isTrue();
            assertThat(strings(serviceAccount.path("clientRoles").path(ROLES_CLIENT))).as(name + "'s service account's roles")
                    .containsExactlyInAnyOrderElementsOf(identity.roles());
            assertThat(strings(serviceAccount.path("realmRoles"))).as(name).isEmpty();
        }
    }

    @Test
    void every_client_credentials_token_has_the_client_id_as_sub_the_global_roles_and_the_audience() {
        for (DemoIdentity identity : DemoIdentity.ALL) {
            JsonNode client = client(identity.name());
            assertRolesAndAudience(client);

            // The service account is a user of its own whose id Keycloak makes up; this mapper replaces it in sub
            // (Keycloak's own sub mapper runs first, and a mapper's claim named sub sets the token's subject).
            List<JsonNode> sub = mappersOfClaim(client, "sub");
            assertThat(sub).as(identity.name() + "'s mappers of sub").hasSize(1);
            JsonNode mapper = sub.get(0);
            assertThat(mapper.path("protocolMapper").asString()).isEqualTo("oidc-hardcoded-claim-mapper");
            assertThat(mapper.path("config").path("claim.value").asString()).as(identity.name() + "'s sub").isEqualTo(identity.name());
            assertThat(mapper.path("config").path("jsonType.label").asString()).isEqualTo("String");
            assertThat(mapper.path("config").path("access.token.claim").asString()).isEqualTo("true");
        }
    }

    @Test
    void the_global_roles_are_the_roles_of_the_bearer_only_client_stegvis() {
        JsonNode stegvis = client(ROLES_CLIENT);
        assertThat(stegvis.path("bearerOnly").asBoolean()).isTrue();
        assertThat(stegvis.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(stegvis.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(stegvis.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        Set<String> roles = new LinkedHashSet<>();
        realm.path("roles").path("client").path(ROLES_CLIENT).forEach(role -> roles.add(role.path("name").asString()));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(
                DemoIdentity.ALL.stream().flatMap(identity -> identity.roles().stream()).collect(Collectors.toSet()));
    }

    @Test
    void the_dashboard_is_a_public_client_that_must_use_pkce_s256_with_the_local_issuers_redirect() {
        JsonNode dashboard = client(DemoClients.DASHBOARD);
        assertThat(dashboard.path("enabled").asBoolean()).isTrue();
        assertThat(dashboard.path("publicClient").asBoolean()).isTrue();
        assertThat(dashboard.has("secret")).isFalse();
        assertThat(dashboard.path("standardFlowEnabled").asBoolean()).as("authorization code").isTrue();
        assertThat(dashboard.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(dashboard.path("directAccessGrantsEnabled").asBoolean()).as("password grant").isFalse();
        assertThat(dashboard.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(dashboard.path("consentRequired").asBoolean()).isFalse();
        assertThat(dashboard.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(dashboard.path("redirectUris"))).containsExactlyElementsOf(localIssuerList("dashboard-redirect-uris"));
        assertThat(strings(dashboard.path("webOrigins"))).containsExactlyElementsOf(localIssuerList("allowed-origins"));

        assertRolesAndAudience(dashboard);
        assertThat(mappersOfClaim(dashboard, "sub")).as("a signed-in user's sub is the user's id, which is the username").isEmpty();
    }

    @Test
    void the_realm_has_exactly_the_local_issuers_clients_and_keeps_keycloaks_default_client_scopes() {
        Set<String> clients = new LinkedHashSet<>();
        realm.path("clients").forEach(client -> clients.add(client.path("clientId").asString()));
        assertThat(clients).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of(ROLES_CLIENT, DemoClients.DASHBOARD), names().stream()).toList());

        // With no client scopes in the file, the import creates Keycloak's defaults, among them "basic", whose sub
        // mapper gives a signed-in user's token the user's id as sub; a client listing its own scopes would lose it.
        assertThat(realm.has("clientScopes")).isFalse();
        assertThat(realm.has("defaultDefaultClientScopes")).isFalse();
        realm.path("clients").forEach(client -> assertThat(client.has("defaultClientScopes"))
                .as(client.path("clientId").asString()).isFalse());
    }

    @Test
    void access_tokens_live_as_long_as_the_local_issuers() {
        long seconds = duration(String.valueOf(localIssuer.get("access-token-lifetime"))).toSeconds();
        assertThat(realm.path("accessTokenLifespan").asLong()).isEqualTo(seconds);
        realm.path("clients").forEach(client -> {
            JsonNode lifespan = client.path("attributes").path("access.token.lifespan");
            if (!lifespan.isMissingNode()) {
                assertThat(lifespan.asString()).as(client.path("clientId").asString()).isEqualTo(String.valueOf(seconds));
            }
        });
    }

    /** The roles mapper and the audience mapper, both into access tokens, as every client has them. */
    private void assertRolesAndAudience(JsonNode client) {
        String id = client.path("clientId").asString();
        client.path("protocolMappers").forEach(mapper -> assertThat(mapper.path("protocol").asString())
                .as(id + " " + mapper.path("name").asString()).isEqualTo("openid-connect"));

        List<JsonNode> roles = mappersOfClaim(client, "roles");
        assertThat(roles).as(id + "'s mappers of roles").hasSize(1);
        JsonNode config = roles.get(0).path("config");
        assertThat(roles.get(0).path("protocolMapper").asString()).isEqualTo("oidc-usermodel-client-role-mapper");
        assertThat(config.path("usermodel.clientRoleMapping.clientId").asString()).as(id).isEqualTo(ROLES_CLIENT);
        assertThat(config.path("usermodel.clientRoleMapping.rolePrefix").asString("")).as(id + ": the bare role names").isEmpty();
        assertThat(config.path("multivalued").asString()).as(id + ": an array").isEqualTo("true");
        assertThat(config.path("jsonType.label").asString()).isEqualTo("String");
        assertThat(config.path("access.token.claim").asString()).as(id).isEqualTo("true");

        List<JsonNode> audience = new ArrayList<>();
        client.path("protocolMappers").forEach(mapper -> {
            if (mapper.path("protocolMapper").asString().equals("oidc-audience-mapper")) {
                audience.add(mapper);
            }
        });
        assertThat(audience).as(id + "'s audience mappers").hasSize(1);
        assertThat(audience.get(0).path("config").path("included.custom.audience").asString()).as(id)
                .isEqualTo(localIssuer.get("audience"));
        assertThat(audience.get(0).path("config").path("access.token.claim").asString()).as(id).isEqualTo("true");
    }

    private List<JsonNode> mappersOfClaim(JsonNode client, String claim) {
        List<JsonNode> mappers = new ArrayList<>();
        client.path("protocolMappers").forEach(mapper -> {
            if (mapper.path("config").path("claim.name").asString("").equals(claim)) {
                mappers.add(mapper);
            }
        });
        return mappers;
    }

    private JsonNode client(String clientId) {
        return one(realm.path("clients"), "clientId", clientId);
    }

    private JsonNode user(String username) {
        return one(realm.path("users"), "username", username);
    }

    private JsonNode serviceAccountOf(String clientId) {
        return one(realm.path("users"), "serviceAccountClientId", clientId);
    }

    private static JsonNode one(JsonNode items, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        items.forEach(item -> {
            if (item.path(field).asString("").equals(value)) {
                found.add(item);
            }
        });
        assertThat(found).as(field + " " + value).hasSize(1);
        return found.get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> names() {
        return DemoIdentity.ALL.stream().map(DemoIdentity::name).toList();
    }

    private List<String> localIssuerList(String key) {
        return Stream.of(String.valueOf(localIssuer.get(key)).split(",")).map(String::trim).toList();
    }

    /** stegvis.issuer.* of the local issuer's application.yml: what the realm must match. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> localIssuerSettings() {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("local-issuer/src/main/resources/application.yml"))) {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (Map<String, Object>) ((Map<String, Object>) yaml.get("stegvis")).get("issuer");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration duration(String value) {
        Matcher matcher = Pattern.compile("(\\d+)([smh])").matcher(value);
        assertThat(matcher.matches()).as("a duration like 15m: " + value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
