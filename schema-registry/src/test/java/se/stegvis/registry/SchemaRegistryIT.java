package se.stegvis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.stegvis.testsupport.SharedKafka;

/** The contract against this module's registry on a real broker, plus what only this registry promises. */
class SchemaRegistryIT extends SchemaRegistryContract {

    private static final String TOPIC = "_schemas_contract";
    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(TOPIC);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    String baseUrl() {
        return registry.baseUrl();
    }

    @Override
    String userInfo() {
        return RunningRegistry.USER_INFO;
    }

    @Test
    void the_registry_topic_is_created_compacted_with_one_partition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(1);
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void writes_are_records_in_confluents_format() {
        String subject = subject("format");
        int id = register(subject, person(NAME));
        http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}");

        List<ConsumerRecord<String, String>> records = readTopic();

        assertThat(records).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":1,\"magic\":1}");
            assertThat(record.value()).contains("\"subject\":\"" + subject + "\"", "\"version\":1",
                    "\"id\":" + id, "\"deleted\":false", "\"schema\":");
        });
        assertThat(records).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"" + subject + "\",\"magic\":0}");
            assertThat(record.value()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        });
    }

    @Test
    void avro_schemas_are_served_without_a_schema_type_field_as_the_api_reference_describes() {
        String subject = subject("type");
        int id = register(subject, person(NAME));

        assertThat(http.get("/schemas/ids/" + id).json().has("schemaType")).isFalse();
        assertThat(http.get("/subjects/" + subject + "/versions/1").json().has("schemaType")).isFalse();
    }

    @Test
    void references_are_refused_rather_than_silently_ignored() {
        RegistryHttp.Reply reply = http.post("/subjects/" + subject("refs") + "/versions",
                "{\"schema\":\"\\\"string\\\"\",\"references\":[{\"name\":\"a\",\"subject\":\"b\",\"version\":1}]}");

        assertError(reply, 422, 42201);
    }

    @Test
    void an_empty_body_is_unprocessable_and_an_unknown_id_has_no_raw_schema_either() {
        assertError(http.post("/subjects/" + subject("empty") + "/versions", ""), 422, 422);
        assertError(http.get("/schemas/ids/987654/schema"), 404, 40403);
        assertError(http.get("/schemas/ids/987654/subjects"), 404, 40403);
    }

    @Test
    void answers_are_schema_registry_json_unless_the_client_asks_only_for_plain_json() {
        assertThat(http.send("GET", "/config", null, null, "*/*").contentType()).startsWith(RegistryHttp.V1_JSON);
        assertThat(http.send("GET", "/config", null, null, "application/json").contentType())
                .startsWith("application/json");
    }

    @Test
    void the_health_endpoint_reports_up() {
        RegistryHttp.Reply health = http.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    private static List<ConsumerRecord<String, String>> readTopic() {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return consumer.position(partition) >= end;
            });
        }
        return records;
    }
}
