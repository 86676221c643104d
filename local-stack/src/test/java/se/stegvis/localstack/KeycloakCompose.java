package se.stegvis.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml's {@code keycloak} service as compose runs it (image, command, environment with compose's
 * defaults for unset variables, the realm file it mounts, its health check) and the sign-in settings the Stegvis
 * services get, read from the compose file itself, so that a suite starting Keycloak starts it as compose does.
 */
record KeycloakCompose(String image, List<String> command, Map<String, String> environment, Path realmFile,
        String realmFileInContainer, List<String> healthcheck, Set<Map<String, String>> servicesSignIn) {

    static final String ISSUER_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    static final String JWK_SET_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI";
    static final String AUDIENCES = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES";

    /** Where Keycloak's --import-realm looks for files named {@code <realm>-realm.json}. */
    static final String IMPORT_DIRECTORY = "/opt/keycloak/data/import/";

    /** ${NAME:-default} or ${NAME-default}; compose's $$ is a literal $. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$\\$");

    static KeycloakCompose read(Path root) {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("docker-compose.yml cannot be read under " + root, e);
        }
        Map<String, Object> services = map(compose.get("services"), "services");
        Map<String, Object> keycloak = map(services.get("keycloak"), "services.keycloak");

        Map<String, String> environment = environment(keycloak.get("environment"));
        Path realmFile = null;
        String realmFileInContainer = null;
        for (Object volume : list(keycloak.get("volumes"), "services.keycloak.volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith(IMPORT_DIRECTORY) && parts[1].endsWith("-realm.json")) {
                realmFile = root.resolve(parts[0]).normalize();
                realmFileInContainer = parts[1];
            }
        }
        if (realmFile == null) {
            throw new IllegalStateException("services.keycloak mounts no realm file into " + IMPORT_DIRECTORY);
        }
        List<String> test = new ArrayList<>();
        for (Object part : list(map(keycloak.get("healthcheck"), "services.keycloak.healthcheck").get("test"), "healthcheck.test")) {
            test.add(interpolate(String.valueOf(part)));
        }
        if (test.isEmpty() || !test.get(0).equals("CMD")) {
            throw new IllegalStateException("services.keycloak.healthcheck.test is not of the form [\"CMD\", ...]: " + test);
        }

        Set<Map<String, String>> signIn = new LinkedHashSet<>();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Object serviceEnvironment = map(service.getValue(), service.getKey()).get("environment");
            if (serviceEnvironment != null && environment(serviceEnvironment).containsKey(ISSUER_URI)) {
                Map<String, String> all = environment(serviceEnvironment);
                Map<String, String> settings = new LinkedHashMap<>();
                for (String name : List.of(ISSUER_URI, JWK_SET_URI, AUDIENCES)) {
                    settings.put(name, all.get(name));
                }
                signIn.add(Map.copyOf(settings));
            }
        }

        List<String> command = new ArrayList<>();
        list(keycloak.get("command"), "services.keycloak.command").forEach(part -> command.add(interpolate(String.valueOf(part))));
        return new KeycloakCompose(interpolate(String.valueOf(keycloak.get("image"))), List.copyOf(command),
                Map.copyOf(environment), realmFile, realmFileInContainer, List.copyOf(test.subList(1, test.size())),
                Set.copyOf(signIn));
    }

    int httpPort() {
        return Integer.parseInt(environment.get("KC_HTTP_PORT"));
    }

    /** Keycloak's management interface (health), 9000 unless compose moves it. */
    int managementPort() {
        return Integer.parseInt(environment.getOrDefault("KC_HTTP_MANAGEMENT_PORT", "9000"));
    }

    /** The sign-in settings every Stegvis service of the compose file gets; they must all be the same. */
    Map<String, String> signIn() {
        if (servicesSignIn.size() != 1) {
            throw new IllegalStateException("The services of docker-compose.yml do not share one sign-in setting: " + servicesSignIn);
        }
        return servicesSignIn.iterator().next();
    }

    /** A compose value as compose gives it when no variable is set in the environment or .env: the default. */
    static String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else if (matcher.group(2) != null) {
                replacement = matcher.group(2);
            } else {
                throw new IllegalStateException("${" + matcher.group(1) + "} has no default in docker-compose.yml: " + value);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static Map<String, String> environment(Object environment) {
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> result.put(String.valueOf(name), value == null ? "" : interpolate(String.valueOf(value))));
        } else {
            for (Object entry : list(environment, "environment")) {
                String[] nameAndValue = String.valueOf(entry).split("=", 2);
                result.put(nameAndValue[0], nameAndValue.length == 2 ? interpolate(nameAndValue[1]) : "");
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException(where + " in docker-compose.yml is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalStateException(where + " in docker-compose.yml is not a list: " + value);
        }
        return items;
    }
}
