package se.stegvis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.registry.RegistryHttp.schemaBody;
import static se.stegvis.registry.SchemaRegistryContract.AGE_WITH_DEFAULT;
import static se.stegvis.registry.SchemaRegistryContract.NAME;
import static se.stegvis.registry.SchemaRegistryContract.person;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.stegvis.registry.RegistryHttp.Reply;
import se.stegvis.testsupport.SharedKafka;

/**
 * Reads are open, every kind of write needs the configured credentials, and whatever is refused (no or wrong
 * credentials, bad schemas, oversized bodies, malformed subject names) leaves the log as it was.
 */
class RegistryAccessIT {

    private static final String TOPIC = "_schemas_access";
    private static final String SUBJECT = "stegvis.access.v1-value";
    private static RunningRegistry registry;
    private static int id;

    private RegistryHttp anonymous;
    private RegistryHttp writer;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(TOPIC);
        RegistryHttp writer = new RegistryHttp(registry.baseUrl(), RunningRegistry.USER_INFO);
        Reply registered = writer.post("/subjects/" + SUBJECT + "/versions", schemaBody(person(NAME)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        id = registered.json().path("id").asInt();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @BeforeEach
    void clients() {
        anonymous = new RegistryHttp(registry.baseUrl());
        writer = anonymous.as(RunningRegistry.USER_INFO);
    }

    @Test
    void consumers_read_without_credentials() {
        assertThat(anonymous.get("/subjects").status()).isEqualTo(200);
        assertThat(anonymous.get("/subjects/" + SUBJECT + "/versions/latest").json().path("id").asInt()).isEqualTo(id);
        assertThat(anonymous.get("/subjects/" + SUBJECT + "/versions").status()).isEqualTo(200);
        assertThat(anonymous.get("/subjects/" + SUBJECT + "/versions/1").status()).isEqualTo(200);
        assertThat(anonymous.get("/subjects/" + SUBJECT + "/versions/1/schema").status()).isEqualTo(200);
        assertThat(anonymous.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(anonymous.get("/schemas/ids/" + id + "/schema").status()).isEqualTo(200);
        assertThat(anonymous.get("/schemas/ids/" + id + "/subjects").status()).isEqualTo(200);
        assertThat(anonymous.get("/schemas/ids/" + id + "/versions").status()).isEqualTo(200);
        assertThat(anonymous.get("/config").status()).isEqualTo(200);
        assertThat(anonymous.get("/config/" + SUBJECT + "?defaultToGlobal=true").status()).isEqualTo(200);
        assertThat(anonymous.get("/mode").status()).isEqualTo(200);
        assertThat(anonymous.get("/schemas/types").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.post("/subjects/" + SUBJECT, schemaBody(person(NAME))).json().path("id").asInt())
                .isEqualTo(id);
        assertThat(anonymous.post("/compatibility/subjects/" + SUBJECT + "/versions/latest",
                schemaBody(person(NAME, AGE_WITH_DEFAULT))).json().path("is_compatible").asBoolean()).isTrue();
        assertThat(anonymous.post("/compatibility/subjects/" + SUBJECT + "/versions",
                schemaBody(person(NAME, AGE_WITH_DEFAULT))).status()).isEqualTo(200);
    }

    @Test
    void every_kind_of_write_without_or_with_wrong_credentials_is_a_401_and_writes_nothing() {
        List<RegistryHttp> refused = List.of(anonymous, anonymous.as(RunningRegistry.USER + ":wrong-password"),
                anonymous.as("someone-else:" + RunningRegistry.USER_INFO.split(":", 2)[1]),
                anonymous.as(RunningRegistry.USER_INFO + "x"), anonymous.as(RunningRegistry.USER));
        long before = endOffset();

        for (RegistryHttp client : refused) {
            assertUnauthorized(client.post("/subjects/" + SUBJECT + "/versions", schemaBody(person(NAME, AGE_WITH_DEFAULT))));
            assertUnauthorized(client.post("/subjects/stegvis.new.v1-value/versions", schemaBody(person(NAME))));
            assertUnauthorized(client.put("/config", "{\"compatibility\":\"NONE\"}"));
            assertUnauthorized(client.put("/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}"));
            assertUnauthorized(client.delete("/config"));
            assertUnauthorized(client.delete("/config/" + SUBJECT));
            assertUnauthorized(client.put("/mode", "{\"mode\":\"READONLY\"}"));
            assertUnauthorized(client.put("/mode/" + SUBJECT, "{\"mode\":\"READONLY\"}"));
            assertUnauthorized(client.delete("/mode"));
            assertUnauthorized(client.delete("/subjects/" + SUBJECT + "/versions/1"));
            assertUnauthorized(client.delete("/subjects/" + SUBJECT));
            assertUnauthorized(client.delete("/subjects/" + SUBJECT + "?permanent=true"));
            assertUnauthorized(client.send("PATCH", "/config", RegistryHttp.V1_JSON, "{}"));
        }

        assertThat(endOffset()).isEqualTo(before);
        assertThat(anonymous.get("/subjects/" + SUBJECT + "/versions").body()).isEqualTo("[1]");
        assertThat(anonymous.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("BACKWARD");
    }

    @Test
    void with_credentials_every_kind_of_write_goes_through() {
        String subject = "stegvis.written." + UUID.randomUUID().toString().substring(0, 8) + ".v1-value";
        long before = endOffset();

        assertThat(writer.post("/subjects/" + subject + "/versions", schemaBody(person(NAME))).status()).isEqualTo(200);
        assertThat(writer.put("/config/" + subject, "{\"compatibility\":\"FULL\"}").status()).isEqualTo(200);
        assertThat(writer.delete("/config/" + subject).status()).isEqualTo(200);
        assertThat(writer.delete("/subjects/" + subject + "/versions/1").status()).isEqualTo(200);
        assertThat(writer.delete("/subjects/" + subject + "?permanent=true").status()).isEqualTo(200);

        assertThat(endOffset()).isGreaterThan(before);
    }

    @Test
    void a_schema_naming_an_undefined_type_is_42201_and_writes_nothing() {
        long before = endOffset();
        String undefined = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"x\",\"type\":\"se.stegvis.Nowhere\"}]}";

        SchemaRegistryContract.assertError(writer.post("/subjects/" + SUBJECT + "/versions", schemaBody(undefined)),
                422, 42201);
        SchemaRegistryContract.assertError(anonymous.post("/subjects/" + SUBJECT, schemaBody(undefined)), 422, 42201);

        assertThat(endOffset()).isEqualTo(before);
    }

    @Test
    void a_body_over_one_mebibyte_is_a_413_whether_its_length_is_declared_or_not() throws Exception {
        long before = endOffset();
        String doc = "x".repeat(1024 * 1024);
        String big = schemaBody("{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + doc + "\",\"fields\":[]}");

        SchemaRegistryContract.assertError(writer.post("/subjects/" + SUBJECT + "/versions", big), 413, 413);
        SchemaRegistryContract.assertError(anonymous.post("/subjects/" + SUBJECT, big), 413, 413);
        assertThat(chunked("/subjects/" + SUBJECT + "/versions", big).statusCode()).isEqualTo(413);
        // An anonymous write is refused for want of credentials before its body is read.
        assertUnauthorized(anonymous.post("/subjects/" + SUBJECT + "/versions", big));

        assertThat(endOffset()).isEqualTo(before);
        String justUnder = schemaBody("{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + "x".repeat(1000 * 1000)
                + "\",\"fields\":[]}");
        assertThat(writer.post("/subjects/stegvis.big.v1-value/versions", justUnder).status()).isEqualTo(200);
    }

    @Test
    void malformed_subject_names_are_refused_before_anything_is_parsed_or_written() {
        long before = endOffset();
        String body = schemaBody(person(NAME));
        List<String> malformed = List.of("stegvis%01.v1-value", "stegvis%7F.v1-value", "stegvis%C2%85.v1-value",
                "s".repeat(256), "__GLOBAL", "__EMPTY");

        for (String subject : malformed) {
            SchemaRegistryContract.assertError(writer.post("/subjects/" + subject + "/versions", body), 422, 42208);
            SchemaRegistryContract.assertError(writer.post("/subjects/" + subject + "/versions", "not json"), 422, 42208);
            SchemaRegistryContract.assertError(writer.put("/config/" + subject, "{\"compatibility\":\"NONE\"}"), 422, 42208);
            SchemaRegistryContract.assertError(anonymous.post("/subjects/" + subject, body), 422, 42208);
        }
        // Line breaks, nulls and empty segments are refused earlier still, by Spring Security's firewall.
        for (String path : List.of("/subjects/a%0Ab/versions", "/subjects/a%00b/versions", "/subjects//versions",
                "/subjects/a%0Db/versions")) {
            Reply reply = writer.post(path, body);
            assertThat(reply.status()).as(path + " " + reply.body()).isBetween(400, 499);
        }

        assertThat(endOffset()).isEqualTo(before);
        assertThat(writer.post("/subjects/" + "s".repeat(255) + "/versions", body).status()).isEqualTo(200);
    }

    @Test
    void without_users_the_registry_refuses_to_start_unless_told_explicitly_that_writes_are_open() {
        assertThatThrownBy(() -> RunningRegistry.startWith("_schemas_access_none").close())
                .hasStackTraceContaining("No registry users: set stegvis.registry.users");
        assertThatThrownBy(() -> RunningRegistry.startWith("_schemas_access_none", "--stegvis.registry.users=nocolon").close())
                .hasStackTraceContaining("stegvis.registry.users entry 1 (not shown: it holds a password) is not name:password");

        try (RunningRegistry open = RunningRegistry.startWith("_schemas_access_none", "--stegvis.registry.auth=none")) {
            Reply registered = new RegistryHttp(open.baseUrl()).post("/subjects/open-value/versions", schemaBody(person(NAME)));
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        }
    }

    @Test
    void the_users_may_come_from_an_imported_properties_file_as_the_local_stack_hands_them_over() throws Exception {
        String userInfo = "stegvis-local:" + RunningRegistry.randomSecret();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("registry", ".properties");
        java.nio.file.Files.writeString(file, "stegvis.registry.users=" + userInfo + "\n");

        try (RunningRegistry imported = RunningRegistry.startWith("_schemas_access_import",
                "--spring.config.import=file:" + file)) {
            RegistryHttp http = new RegistryHttp(imported.baseUrl());
            assertUnauthorized(http.post("/subjects/imported-value/versions", schemaBody(person(NAME))));
            assertThat(http.as(userInfo).post("/subjects/imported-value/versions", schemaBody(person(NAME))).status())
                    .isEqualTo(200);
        }
    }

    private static void assertUnauthorized(Reply reply) {
        SchemaRegistryContract.assertError(reply, 401, 401);
        assertThat(reply.json().path("message").asString()).isEqualTo("Unauthorized");
        assertThat(reply.authenticate()).isEqualTo("Basic realm=\"SchemaRegistry\"");
    }

    private static HttpResponse<String> chunked(String path, String body) throws Exception {
        // A body from a stream of unknown length goes out chunked, with no Content-Length to judge it by.
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
                .header("Content-Type", RegistryHttp.V1_JSON)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        RunningRegistry.USER_INFO.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long endOffset() {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }
}
