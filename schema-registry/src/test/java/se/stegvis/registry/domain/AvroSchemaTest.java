package se.stegvis.registry.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every schema Avro cannot parse is the client's mistake (42201), never the registry's (500). */
class AvroSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"NoSuchType\"}]}",
            "\"se.stegvis.Undefined\"",
            "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":\"text\"}]}",
            "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\"}]}",
            "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}",
            "not json at all"})
    void an_unparseable_schema_is_invalid_schema(String schema) {
        assertThatThrownBy(() -> AvroSchema.parse(schema, null)).isInstanceOfSatisfying(RegistryException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(RegistryException.Reason.INVALID_SCHEMA));
    }
}
