package se.stegvis.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.registry.domain.Schemas.AGE;
import static se.stegvis.registry.domain.Schemas.AGE_WITH_DEFAULT;
import static se.stegvis.registry.domain.Schemas.NAME;
import static se.stegvis.registry.domain.Schemas.person;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.stegvis.registry.domain.RegistryException.Reason;

class RegistrationTest {

    private final RegistryFixture fixture = new RegistryFixture();

    @Test
    void the_first_schema_gets_id_1_and_version_1() {
        Registration.Outcome outcome = fixture.register("people-value", person(NAME));

        assertThat(outcome.id()).isEqualTo(1);
        assertThat(outcome.version()).isEqualTo(1);
    }

    @Test
    void the_same_schema_under_another_subject_gets_the_same_id_and_its_own_version() {
        fixture.register("a-value", person(NAME));
        fixture.register("a-value", person(NAME, AGE_WITH_DEFAULT));
        Registration.Outcome other = fixture.register("b-value", person(NAME, AGE_WITH_DEFAULT));

        assertThat(other.id()).isEqualTo(2);
        assertThat(other.version()).isEqualTo(1);
    }

    @Test
    void the_same_schema_written_differently_is_the_same_schema() {
        int id = fixture.register("a-value", person(NAME)).id();
        String spaced = person(NAME).replace(",", " ,\n  ").replace(":", " : ");

        assertThat(fixture.register("b-value", spaced).id()).isEqualTo(id);
    }

    @Test
    void registering_a_schema_the_subject_already_has_changes_nothing() {
        fixture.register("a-value", person(NAME));
        int entries = fixture.written.size();

        Registration.Outcome again = fixture.register("a-value", person(NAME));

        assertThat(again.entry()).isNull();
        assertThat(again.version()).isEqualTo(1);
        assertThat(fixture.written).hasSize(entries);
        assertThat(fixture.versions("a-value")).containsExactly(1);
    }

    @Test
    void a_new_schema_gets_a_new_id_one_higher_than_any_seen() {
        assertThat(fixture.register("a-value", person(NAME)).id()).isEqualTo(1);
        assertThat(fixture.register("a-value", person(NAME, AGE_WITH_DEFAULT)).id()).isEqualTo(2);
        assertThat(fixture.register("b-value", person(AGE)).id()).isEqualTo(3);
    }

    @Test
    void ids_of_permanently_deleted_schemas_are_never_handed_out_again() {
        fixture.register("a-value", person(NAME));
        fixture.deleteSubject("a-value", false);
        fixture.deleteSubject("a-value", true);

        assertThat(fixture.registry.schema(1)).isEmpty();
        assertThat(fixture.register("b-value", person(AGE)).id()).isEqualTo(2);
    }

    @Test
    void a_soft_deleted_schema_keeps_its_id_when_registered_again_and_versions_go_on_counting() {
        fixture.register("a-value", person(NAME));
        fixture.deleteSubject("a-value", false);

        Registration.Outcome again = fixture.register("a-value", person(NAME));

        assertThat(again.id()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(2);
        assertThat(fixture.versions("a-value")).containsExactly(2);
    }

    @Test
    void an_incompatible_schema_is_refused_and_nothing_is_written() {
        fixture.register("a-value", person(NAME));
        int entries = fixture.written.size();

        assertThatThrownBy(() -> fixture.register("a-value", person(NAME, AGE)))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA));
        assertThat(fixture.written).hasSize(entries);
        assertThat(fixture.versions("a-value")).isEqualTo(List.of(1));
        assertThat(fixture.registry.nextId()).isEqualTo(2);
    }

    @Test
    void the_subject_level_wins_over_the_global_level() {
        fixture.register("a-value", person(NAME));
        fixture.setLevel("a-value", CompatibilityLevel.NONE);

        assertThat(fixture.register("a-value", person(AGE)).version()).isEqualTo(2);
    }

    @Test
    void an_invalid_schema_or_another_type_is_an_invalid_schema() {
        assertThat(reasonOf(() -> AvroSchema.parse("{\"type\":\"record\"}"))).isEqualTo(Reason.INVALID_SCHEMA);
        assertThat(reasonOf(() -> AvroSchema.parse("not json"))).isEqualTo(Reason.INVALID_SCHEMA);
        assertThat(reasonOf(() -> AvroSchema.parse(""))).isEqualTo(Reason.INVALID_SCHEMA);
        assertThat(reasonOf(() -> AvroSchema.parse("\"string\"", "PROTOBUF"))).isEqualTo(Reason.INVALID_SCHEMA);
    }

    static Reason reasonOf(Runnable action) {
        try {
            action.run();
        } catch (RegistryException e) {
            return e.reason();
        }
        throw new AssertionError("expected a RegistryException");
    }
}
