package se.stegvis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.registry.RegistryHttp.schemaBody;
import static se.stegvis.registry.SchemaRegistryContract.AGE;
import static se.stegvis.registry.SchemaRegistryContract.AGE_WITH_DEFAULT;
import static se.stegvis.registry.SchemaRegistryContract.NAME;
import static se.stegvis.registry.SchemaRegistryContract.person;

import org.junit.jupiter.api.Test;

import se.stegvis.registry.RegistryHttp.Reply;

/** The log is the registry: a new instance on the same topic serves the same ids, versions, levels and deletes. */
class SchemaRegistryRestartIT {

    private static final String TOPIC = "_schemas_restart";

    @Test
    void a_restarted_registry_serves_what_it_served_before_and_never_reuses_an_id() {
        int first;
        int second;
        int dropped;
        try (RunningRegistry before = RunningRegistry.start(TOPIC)) {
            RegistryHttp http = new RegistryHttp(before.baseUrl(), RunningRegistry.USER_INFO);
            first = id(http.post("/subjects/people-value/versions", schemaBody(person(NAME))));
            second = id(http.post("/subjects/people-value/versions", schemaBody(person(NAME, AGE_WITH_DEFAULT))));
            http.post("/subjects/copies-value/versions", schemaBody(person(NAME)));
            http.put("/config/people-value", "{\"compatibility\":\"FULL\"}");
            http.put("/config", "{\"compatibility\":\"FORWARD\"}");
            dropped = id(http.post("/subjects/dropped-value/versions", schemaBody(person(AGE))));
            http.delete("/subjects/dropped-value");
            http.delete("/subjects/dropped-value?permanent=true");
            http.delete("/subjects/copies-value");
        }

        try (RunningRegistry after = RunningRegistry.start(TOPIC)) {
            RegistryHttp http = new RegistryHttp(after.baseUrl(), RunningRegistry.USER_INFO);
            assertThat(http.get("/subjects/people-value/versions/1").json().path("id").asInt()).isEqualTo(first);
            assertThat(http.get("/subjects/people-value/versions/latest").json().path("id").asInt()).isEqualTo(second);
            assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects").body()).isEqualTo("[\"people-value\"]");
            assertThat(http.get("/subjects/copies-value/versions?deleted=true").body()).isEqualTo("[1]");
            assertThat(http.get("/config/people-value").json().path("compatibilityLevel").asString()).isEqualTo("FULL");
            assertThat(http.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("FORWARD");
            assertThat(http.get("/schemas/ids/" + dropped).status()).isEqualTo(404);

            String fresh = person(NAME, AGE_WITH_DEFAULT, "{\"name\":\"city\",\"type\":\"string\",\"default\":\"\"}");
            int next = id(http.post("/subjects/people-value/versions", schemaBody(fresh)));
            assertThat(next).isGreaterThan(dropped).isGreaterThan(second);
            assertThat(http.get("/subjects/people-value/versions/3").json().path("id").asInt()).isEqualTo(next);
        }
    }

    private static int id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("id").asInt();
    }
}
