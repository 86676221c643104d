package se.stegvis.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * The serde sends HTTP Basic credentials to the registry exactly when configured, under Confluent's names, and no
 * message ever shows the password. A stand-in registry records the Authorization header of each call.
 */
class RegistryCredentialsTest {

    private static final String PASSWORD = "s3cret-Pa55word";
    private static final Schema PROBE = SchemaBuilder.record("Probe").namespace("se.stegvis.test").fields()
            .requiredString("a").endRecord();

    private final List<Optional<String>> authorizations = new ArrayList<>();
    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = (status == 200 ? "{\"id\":7}" : "{\"error_code\":401,\"message\":\"Unauthorized\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void without_credentials_configured_no_authorization_header_is_sent() {
        serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url()));

        assertThat(authorizations).containsExactly(Optional.empty());
    }

    @Test
    void user_info_is_sent_as_basic_credentials_on_every_call() {
        Map<String, Object> config = new HashMap<>(AvroSerdeConfig.basicAuth("stegvis:" + PASSWORD));
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url());
        serialize(config);
        new RestSchemaRegistryClient(List.of(url()), "stegvis:" + PASSWORD).idOf("x-value", PROBE);

        String expected = "Basic " + Base64.getEncoder().encodeToString(("stegvis:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).containsExactly(Optional.of(expected), Optional.of(expected));
    }

    @Test
    void kafkas_password_type_is_accepted_for_the_user_info() {
        serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, new Password("stegvis:" + PASSWORD)));

        assertThat(authorizations.get(0)).hasValueSatisfying(header -> assertThat(header).startsWith("Basic "));
    }

    @Test
    void with_the_url_source_the_userinfo_of_the_url_is_sent_and_not_kept_in_the_url() {
        String withUserInfo = "http://stegvis:" + PASSWORD + "@127.0.0.1:" + server.getAddress().getPort();
        serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, withUserInfo));

        assertThat(authorizations).containsExactly(Optional.of("Basic " + Base64.getEncoder()
                .encodeToString(("stegvis:" + PASSWORD).getBytes(StandardCharsets.UTF_8))));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(withUserInfo));
        assertThat(client.toString()).doesNotContain(PASSWORD);
        server.stop(0);
        assertThatThrownBy(() -> client.register("x-value", PROBE)).hasMessageNotContaining(PASSWORD)
                .hasMessageContaining("no schema registry answered");
    }

    @Test
    void a_refusal_says_which_setting_to_look_at() {
        status = 401;

        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url())))
                .isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("basic.auth.user.info").hasMessageContaining("HTTP 401");
        Map<String, Object> config = new HashMap<>(AvroSerdeConfig.basicAuth("stegvis:wrong-" + PASSWORD));
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url());
        assertThatThrownBy(() -> serialize(config)).rootCause()
                .hasMessageContaining("refused the credentials").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void a_missing_or_malformed_user_info_or_an_unknown_source_is_a_config_error_that_does_not_show_the_value() {
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info must be user:password");
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", AvroSerdeConfig.BASIC_AUTH_USER_INFO, PASSWORD)))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("URL or USER_INFO");
        assertThat(AvroSerdeConfig.basicAuth("  ")).isEmpty();
        assertThat(AvroSerdeConfig.basicAuth(null)).isEmpty();
        assertThat(authorizations).isEmpty();
    }

    private static void serialize(Map<String, Object> config) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(config, false);
        GenericData.Record probe = new GenericData.Record(PROBE);
        probe.put("a", "b");
        serializer.serialize("probes", probe);
    }
}
