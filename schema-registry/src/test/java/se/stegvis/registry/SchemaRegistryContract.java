package se.stegvis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.registry.RegistryHttp.V1_JSON;
import static se.stegvis.registry.RegistryHttp.schemaBody;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.stegvis.registry.RegistryHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The REST contract of Confluent's Schema Registry as Stegvis relies on it. It knows only a base URL, so the same
 * tests run against this module's registry and against Confluent's own image. Every test works on subjects of its
 * own; the few that touch the global level put it back.
 */
abstract class SchemaRegistryContract {

    static final String NAME = "{\"name\":\"name\",\"type\":\"string\"}";
    static final String AGE = "{\"name\":\"age\",\"type\":\"int\"}";
    static final String AGE_WITH_DEFAULT = "{\"name\":\"age\",\"type\":\"int\",\"default\":0}";

    RegistryHttp http;

    abstract String baseUrl();

    /** The credentials writes need, "name:password", or null where the registry asks for none. */
    String userInfo() {
        return null;
    }

    @BeforeEach
    void connect() {
        http = new RegistryHttp(baseUrl(), userInfo());
    }

    static String person(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"se.stegvis.contract\",\"fields\":["
                + String.join(",", fields) + "]}";
    }

    /** Dotted like Stegvis's topic-named subjects ("stegvis.participants.v1-value"), unique to the test. */
    static String subject(String name) {
        return "stegvis." + name + "." + UUID.randomUUID().toString().substring(0, 8) + ".v1-value";
    }

    int register(String subject, String schema) {
        Reply reply = http.post("/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("id").asInt();
    }

    List<Integer> ints(Reply reply) {
        List<Integer> values = new ArrayList<>();
        reply.json().forEach(node -> values.add(node.asInt()));
        return values;
    }

    List<String> strings(Reply reply) {
        List<String> values = new ArrayList<>();
        reply.json().forEach(node -> values.add(node.asString()));
        return values;
    }

    static void assertSameSchema(String actual, String expected) {
        assertThat(new Schema.Parser().parse(actual)).isEqualTo(new Schema.Parser().parse(expected));
    }

    /** AVRO is the default type: Confluent 7.x leaves the field out for it, 8.x writes "AVRO". Both are the spec. */
    static void assertAvroType(JsonNode schema) {
        assertThat(schema.path("schemaType").asString("AVRO")).isEqualTo("AVRO");
    }

    static void assertError(Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(errorCode);
        assertThat(reply.json().path("message").isString()).as(reply.body()).isTrue();
        assertThat(reply.contentType()).startsWith(V1_JSON);
    }

    @Test
    void the_root_answers_an_empty_object_and_avro_is_a_supported_type() {
        assertThat(http.get("/").json().isEmpty()).isTrue();
        assertThat(strings(http.get("/schemas/types"))).contains("AVRO");
        assertThat(http.get("/mode").json().path("mode").asString()).isEqualTo("READWRITE");
    }

    @Test
    void a_registered_schema_is_served_by_id_by_version_and_as_latest() {
        String subject = subject("fetch");
        int first = register(subject, person(NAME));
        int second = register(subject, person(NAME, AGE_WITH_DEFAULT));

        Reply byVersion = http.get("/subjects/" + subject + "/versions/1");
        assertThat(byVersion.status()).isEqualTo(200);
        assertThat(byVersion.contentType()).startsWith(V1_JSON);
        JsonNode version = byVersion.json();
        assertThat(version.path("subject").asString()).isEqualTo(subject);
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("id").asInt()).isEqualTo(first);
        assertSameSchema(version.path("schema").asString(), person(NAME));
        assertAvroType(version);

        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().path("id").asInt()).isEqualTo(second);
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json().path("version").asInt()).isEqualTo(2);
        assertThat(ints(http.get("/subjects/" + subject + "/versions"))).containsExactly(1, 2);
        assertSameSchema(http.get("/subjects/" + subject + "/versions/2/schema").body(),
                person(NAME, AGE_WITH_DEFAULT));

        Reply byId = http.get("/schemas/ids/" + first);
        assertThat(byId.contentType()).startsWith(V1_JSON);
        assertSameSchema(byId.json().path("schema").asString(), person(NAME));
        assertAvroType(byId.json());
        assertSameSchema(http.get("/schemas/ids/" + first + "/schema").body(), person(NAME));
        assertThat(strings(http.get("/subjects"))).contains(subject);
    }

    @Test
    void registering_a_schema_the_subject_already_has_returns_its_id_and_adds_no_version() {
        String subject = subject("again");
        int id = register(subject, person(NAME));

        assertThat(register(subject, person(NAME).replace(",", ", "))).isEqualTo(id);
        assertThat(ints(http.get("/subjects/" + subject + "/versions"))).containsExactly(1);
    }

    @Test
    void the_same_schema_under_two_subjects_has_one_id() {
        String one = subject("one");
        String two = subject("two");
        int id = register(one, person(NAME, "{\"name\":\"shared\",\"type\":\"long\"}"));

        assertThat(register(two, person(NAME, "{\"name\":\"shared\",\"type\":\"long\"}"))).isEqualTo(id);
        assertThat(strings(http.get("/schemas/ids/" + id + "/subjects"))).containsExactlyInAnyOrder(one, two);
        JsonNode versions = http.get("/schemas/ids/" + id + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).has("subject")).isTrue();
    }

    @Test
    void a_lookup_finds_the_version_holding_a_schema() {
        String subject = subject("lookup");
        int id = register(subject, person(NAME));

        Reply found = http.post("/subjects/" + subject, schemaBody(person(NAME)));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("subject").asString()).isEqualTo(subject);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertSameSchema(found.json().path("schema").asString(), person(NAME));

        assertError(http.post("/subjects/" + subject, schemaBody(person(AGE))), 404, 40403);
        assertError(http.post("/subjects/" + subject("nobody"), schemaBody(person(NAME))), 404, 40401);
    }

    @Test
    void unknown_subjects_versions_and_ids_are_told_apart() {
        String subject = subject("unknown");
        register(subject, person(NAME));

        assertError(http.get("/subjects/" + subject("nobody") + "/versions"), 404, 40401);
        assertError(http.get("/subjects/" + subject("nobody") + "/versions/1"), 404, 40401);
        assertError(http.get("/subjects/" + subject + "/versions/7"), 404, 40402);
        assertError(http.get("/subjects/" + subject + "/versions/first"), 422, 42202);
        assertError(http.get("/subjects/" + subject + "/versions/0"), 422, 42202);
        assertError(http.get("/schemas/ids/987654"), 404, 40403);
    }

    @Test
    void an_incompatible_schema_is_refused_with_409_and_changes_nothing() {
        String subject = subject("incompatible");
        int id = register(subject, person(NAME));
        List<String> subjectsBefore = strings(http.get("/subjects"));

        assertError(http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME, AGE))), 409, 409);

        assertThat(ints(http.get("/subjects/" + subject + "/versions"))).containsExactly(1);
        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().path("id").asInt()).isEqualTo(id);
        assertThat(strings(http.get("/subjects"))).isEqualTo(subjectsBefore);
    }

    @Test
    void an_invalid_schema_is_refused_with_42201_and_creates_nothing() {
        String subject = subject("invalid");
        List<String> subjectsBefore = strings(http.get("/subjects"));

        assertError(http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"record\",\"fields\":[]}")),
                422, 42201);
        assertError(http.post("/subjects/" + subject + "/versions", schemaBody("not a schema")), 422, 42201);
        assertError(http.post("/subjects/" + subject + "/versions",
                "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"XML\"}"), 422, 42201);

        assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
        assertThat(strings(http.get("/subjects"))).isEqualTo(subjectsBefore);
    }

    @Test
    void a_body_that_is_not_json_is_a_bad_request() {
        Reply reply = http.post("/subjects/" + subject("malformed") + "/versions", "{\"schema\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(400);
    }

    @Test
    void the_accepted_request_types_are_confluents_and_others_are_refused_with_415() {
        String subject = subject("types");
        for (String type : List.of(V1_JSON, "application/vnd.schemaregistry+json", "application/json",
                "application/octet-stream")) {
            assertThat(http.send("POST", "/subjects/" + subject + "/versions", type, schemaBody(person(NAME)))
                    .status()).as(type).isEqualTo(200);
        }

        Reply refused = http.send("POST", "/subjects/" + subject + "/versions", "text/plain", schemaBody(person(AGE)));

        assertError(refused, 415, 415);
        assertThat(ints(http.get("/subjects/" + subject + "/versions"))).containsExactly(1);
    }

    @Test
    void unknown_paths_and_methods_are_answered_in_the_error_format() {
        Reply unknown = http.get("/no/such/path");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);

        Reply method = http.put("/subjects", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo(405);
    }

    @Test
    void the_global_level_is_backward_by_default_and_can_be_changed() {
        assertThat(http.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("BACKWARD");
        try {
            Reply changed = http.put("/config", "{\"compatibility\":\"FULL\"}");
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().path("compatibility").asString()).isEqualTo("FULL");
            assertThat(http.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("FULL");
        } finally {
            http.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        }
        assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertThat(http.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("BACKWARD");
    }

    @Test
    void a_subject_level_is_its_own_until_removed() {
        String subject = subject("config");
        register(subject, person(NAME));

        assertError(http.get("/config/" + subject), 404, 40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json().path("compatibilityLevel")
                .asString()).isEqualTo("BACKWARD");
        assertError(http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);

        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}").json().path("compatibility")
                .asString()).isEqualTo("NONE");
        assertThat(http.get("/config/" + subject).json().path("compatibilityLevel").asString()).isEqualTo("NONE");
        register(subject, person(AGE));

        assertThat(http.delete("/config/" + subject).json().path("compatibilityLevel").asString()).isEqualTo("NONE");
        assertError(http.get("/config/" + subject), 404, 40408);
        assertError(http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME, AGE))), 409, 409);
    }

    @Test
    void the_compatibility_check_answers_without_registering() {
        String subject = subject("check");
        register(subject, person(NAME));
        String path = "/compatibility/subjects/" + subject + "/versions/latest";

        assertThat(http.post(path, schemaBody(person(NAME, AGE_WITH_DEFAULT))).json().path("is_compatible")
                .asBoolean()).isTrue();
        Reply refused = http.post(path + "?verbose=true", schemaBody(person(NAME, AGE)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.contentType()).startsWith(V1_JSON);
        assertThat(refused.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(refused.json().path("messages").isArray()).isTrue();
        assertThat(refused.json().path("messages")).isNotEmpty();
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody(person(NAME, AGE)))
                .json().path("is_compatible").asBoolean()).isFalse();

        assertThat(ints(http.get("/subjects/" + subject + "/versions"))).containsExactly(1);
        assertError(http.post("/compatibility/subjects/" + subject + "/versions/5", schemaBody(person(NAME))),
                404, 40402);
        assertError(http.post(path, schemaBody("not a schema")), 422, 42201);
        assertError(http.post("/compatibility/subjects/" + subject + "/versions/x", schemaBody(person(NAME))),
                422, 42202);
    }

    @Test
    void a_subject_that_does_not_exist_is_compatible_with_anything_but_has_no_version_1() {
        String subject = subject("fresh");

        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(person(NAME)))
                .json().path("is_compatible").asBoolean()).isTrue();
        assertError(http.post("/compatibility/subjects/" + subject + "/versions/1", schemaBody(person(NAME))),
                404, 40402);
    }

    @Test
    void a_subject_is_soft_deleted_first_and_permanently_deleted_after() {
        String subject = subject("deleted");
        int id = register(subject, person(NAME));
        register(subject, person(NAME, AGE_WITH_DEFAULT));

        assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40405);
        assertThat(ints(http.delete("/subjects/" + subject))).containsExactly(1, 2);

        assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
        assertThat(ints(http.get("/subjects/" + subject + "/versions?deleted=true"))).containsExactly(1, 2);
        assertThat(strings(http.get("/subjects"))).doesNotContain(subject);
        assertThat(strings(http.get("/subjects?deleted=true"))).contains(subject);
        assertSameSchema(http.get("/schemas/ids/" + id).json().path("schema").asString(), person(NAME));
        assertError(http.delete("/subjects/" + subject), 404, 40404);

        assertThat(ints(http.delete("/subjects/" + subject + "?permanent=true"))).containsExactly(1, 2);
        assertThat(strings(http.get("/subjects?deleted=true"))).doesNotContain(subject);
        assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40401);
    }

    @Test
    void a_version_is_soft_deleted_first_and_permanently_deleted_after() {
        String subject = subject("version");
        register(subject, person(NAME));
        register(subject, person(NAME, AGE_WITH_DEFAULT));

        assertError(http.delete("/subjects/" + subject + "/versions/1?permanent=true"), 404, 40407);
        assertThat(http.delete("/subjects/" + subject + "/versions/1").json().asInt()).isEqualTo(1);
        assertError(http.delete("/subjects/" + subject + "/versions/1"), 404, 40406);
        assertThat(ints(http.get("/subjects/" + subject + "/versions"))).containsExactly(2);
        assertError(http.get("/subjects/" + subject + "/versions/1"), 404, 40402);
        assertThat(http.get("/subjects/" + subject + "/versions/1?deleted=true").json().path("version").asInt())
                .isEqualTo(1);

        assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").json().asInt()).isEqualTo(1);
        assertThat(ints(http.get("/subjects/" + subject + "/versions?deleted=true"))).containsExactly(2);
        assertError(http.delete("/subjects/" + subject + "/versions/9"), 404, 40402);
        assertError(http.delete("/subjects/" + subject + "/versions/nine"), 422, 42202);
    }
}
