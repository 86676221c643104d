package se.stegvis.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.registry.domain.CompatibilityLevel.BACKWARD;
import static se.stegvis.registry.domain.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static se.stegvis.registry.domain.CompatibilityLevel.FORWARD;
import static se.stegvis.registry.domain.CompatibilityLevel.FORWARD_TRANSITIVE;
import static se.stegvis.registry.domain.CompatibilityLevel.FULL;
import static se.stegvis.registry.domain.CompatibilityLevel.FULL_TRANSITIVE;
import static se.stegvis.registry.domain.CompatibilityLevel.NONE;
import static se.stegvis.registry.domain.Schemas.AGE;
import static se.stegvis.registry.domain.Schemas.AGE_WITH_DEFAULT;
import static se.stegvis.registry.domain.Schemas.NAME;
import static se.stegvis.registry.domain.Schemas.field;
import static se.stegvis.registry.domain.Schemas.person;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompatibilityCheckTest {

    private static final String NAME_WITH_DEFAULT = "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}";
    private static final String NAME_AS_INT_WITH_DEFAULT = "{\"name\":\"name\",\"type\":\"int\",\"default\":0}";

    @Test
    void adding_a_field_without_default_breaks_backward_but_not_forward() {
        List<SchemaVersion> history = history(person(NAME));
        String candidate = person(NAME, AGE);

        assertThat(compatible(BACKWARD, candidate, history)).isFalse();
        assertThat(compatible(FORWARD, candidate, history)).isTrue();
        assertThat(compatible(FULL, candidate, history)).isFalse();
        assertThat(compatible(NONE, candidate, history)).isTrue();
    }

    @Test
    void removing_a_field_without_default_breaks_forward_but_not_backward() {
        List<SchemaVersion> history = history(person(NAME, AGE));
        String candidate = person(NAME);

        assertThat(compatible(BACKWARD, candidate, history)).isTrue();
        assertThat(compatible(FORWARD, candidate, history)).isFalse();
        assertThat(compatible(FULL, candidate, history)).isFalse();
    }

    @Test
    void adding_a_field_with_a_default_is_fully_compatible() {
        List<SchemaVersion> history = history(person(NAME));

        assertThat(compatible(FULL, person(NAME, AGE_WITH_DEFAULT), history)).isTrue();
        assertThat(compatible(FULL_TRANSITIVE, person(NAME, AGE_WITH_DEFAULT), history)).isTrue();
    }

    @Test
    void backward_transitive_checks_every_version_not_only_the_latest() {
        List<SchemaVersion> history = history(person(NAME), person());
        String candidate = person(NAME_AS_INT_WITH_DEFAULT);

        assertThat(compatible(BACKWARD, candidate, history)).isTrue();
        assertThat(compatible(BACKWARD_TRANSITIVE, candidate, history)).isFalse();
    }

    @Test
    void forward_transitive_checks_every_version_not_only_the_latest() {
        List<SchemaVersion> history = history(person(NAME), person(NAME_WITH_DEFAULT));
        String candidate = person();

        assertThat(compatible(FORWARD, candidate, history)).isTrue();
        assertThat(compatible(FORWARD_TRANSITIVE, candidate, history)).isFalse();
    }

    @Test
    void full_transitive_checks_both_ways_against_every_version() {
        List<SchemaVersion> history = history(person(NAME), person(NAME_WITH_DEFAULT));
        String candidate = person();

        assertThat(compatible(FULL, candidate, history)).isTrue();
        assertThat(compatible(FULL_TRANSITIVE, candidate, history)).isFalse();
    }

    @Test
    void anything_is_compatible_with_an_empty_history() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(compatible(level, person(field("x", "bytes")), List.of())).isTrue();
        }
    }

    @Test
    void problems_name_the_kind_the_old_version_and_the_level() {
        List<String> problems = CompatibilityCheck.problems(BACKWARD, Schemas.avro(person(NAME, AGE)).parsed(),
                history(person(NAME)));

        assertThat(problems).anyMatch(p -> p.contains("READER_FIELD_MISSING_DEFAULT_VALUE"))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    }

    @Test
    void levels_are_read_in_any_case_and_unknown_ones_refused() {
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(FULL_TRANSITIVE);
        assertThat(RegistrationTest.reasonOf(() -> CompatibilityLevel.parse("SIDEWAYS")))
                .isEqualTo(RegistryException.Reason.INVALID_COMPATIBILITY_LEVEL);
    }

    private static boolean compatible(CompatibilityLevel level, String candidate, List<SchemaVersion> history) {
        return CompatibilityCheck.problems(level, Schemas.avro(candidate).parsed(), history).isEmpty();
    }

    private static List<SchemaVersion> history(String... schemas) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (int i = 0; i < schemas.length; i++) {
            versions.add(new SchemaVersion("s", i + 1, i + 1, Schemas.avro(schemas[i]).canonical(), false));
        }
        return versions;
    }
}
