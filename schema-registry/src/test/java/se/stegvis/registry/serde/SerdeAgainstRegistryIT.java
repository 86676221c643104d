package se.stegvis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.stegvis.registry.RunningRegistry;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.registry.SchemaRegistryException;
import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.testsupport.SharedKafka;

/**
 * The serde against this module's registry on the in-process broker, with writes guarded by HTTP Basic as a
 * deployed registry's are: the contract runs with credentials, and without them registering fails clearly while
 * reading still works.
 */
class SerdeAgainstRegistryIT extends SerdeInteropContract {

    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("_schemas_serde");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    String registryUrl() {
        return registry.baseUrl();
    }

    @Override
    String bootstrapServers() {
        return SharedKafka.bootstrapServers();
    }

    @Override
    String userInfo() {
        return RunningRegistry.USER_INFO;
    }

    @Test
    void without_credentials_the_serializer_cannot_register_and_says_why() {
        ConfluentAvroSerializer anonymous = new ConfluentAvroSerializer();
        anonymous.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()), false);

        assertThatThrownBy(() -> anonymous.serialize("stegvis.anonymous.v1", SampleEvents.outcomeRecorded()))
                .isInstanceOf(SerializationException.class)
                .rootCause().isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("basic.auth.user.info");
                });
    }

    @Test
    void with_wrong_credentials_the_serializer_is_refused_too() {
        ConfluentAvroSerializer wrong = new ConfluentAvroSerializer();
        wrong.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, RunningRegistry.USER + ":not-the-password"), false);

        assertThatThrownBy(() -> wrong.serialize("stegvis.wrong.v1", SampleEvents.outcomeRecorded()))
                .rootCause().hasMessageContaining("refused the credentials").hasMessageContaining("HTTP 401");
    }

    @Test
    void the_credentials_may_also_come_as_the_userinfo_of_the_url() {
        String withUserInfo = registryUrl().replace("http://", "http://" + RunningRegistry.USER_INFO + "@");
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, withUserInfo), false);

        byte[] bytes = serializer.serialize(EventTopic.OUTCOMES.topicName(), SampleEvents.outcomeRecorded());

        assertThat(bytes).isNotEmpty();
    }

    @Test
    void a_consumer_without_credentials_still_reads_what_was_written_with_them() {
        Object event = SampleEvents.outcomeRecorded();
        byte[] bytes = serializer().serialize(EventTopic.OUTCOMES.topicName(), event);
        ConfluentAvroDeserializer anonymous = new ConfluentAvroDeserializer();
        anonymous.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl(), "specific.avro.reader", true), false);

        assertThat(anonymous.deserialize(EventTopic.OUTCOMES.topicName(), bytes)).isEqualTo(event);
    }

    @Test
    void a_javascript_confluent_client_registers_only_with_credentials() throws Exception {
        ConfluentJavaScriptClient.assumeAvailable();
        Path schemaFile = Files.createTempFile("schema", ".avsc");
        Files.writeString(schemaFile, "{\"type\":\"record\",\"name\":\"JsProbe\",\"namespace\":\"se.stegvis.interop\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

        assertThatThrownBy(() -> ConfluentJavaScriptClient.runWith(null, "register", registryUrl(),
                "stegvis.interop-js.v1-value", schemaFile.toString()))
                .hasMessageContaining("Unauthorized");
        List<String> registered = ConfluentJavaScriptClient.runWith(RunningRegistry.USER_INFO, "register", registryUrl(),
                "stegvis.interop-js.v1-value", schemaFile.toString());
        assertThat(registered.get(0)).startsWith("{\"id\":");
    }
}
