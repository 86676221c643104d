package se.stegvis.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.registry.domain.RegistrationTest.reasonOf;
import static se.stegvis.registry.domain.Schemas.AGE_WITH_DEFAULT;
import static se.stegvis.registry.domain.Schemas.NAME;
import static se.stegvis.registry.domain.Schemas.person;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.stegvis.registry.domain.RegistryException.Reason;

class DeletionTest {

    private final RegistryFixture fixture = new RegistryFixture();
    private final Lookup lookup = new Lookup(fixture.registry);

    @BeforeEach
    void two_versions() {
        fixture.register("a-value", person(NAME));
        fixture.register("a-value", person(NAME, AGE_WITH_DEFAULT));
    }

    @Test
    void a_soft_deleted_subject_is_gone_from_listings_but_its_ids_still_resolve() {
        assertThat(fixture.deleteSubject("a-value", false)).containsExactly(1, 2);

        assertThat(fixture.registry.subjects(false)).isEmpty();
        assertThat(fixture.registry.subjects(true)).containsExactly("a-value");
        assertThat(reasonOf(() -> lookup.versions("a-value", false))).isEqualTo(Reason.SUBJECT_NOT_FOUND);
        assertThat(lookup.versions("a-value", true)).containsExactly(1, 2);
        assertThat(lookup.schema(1)).isNotEmpty();
    }

    @Test
    void a_subject_is_deleted_permanently_only_after_a_soft_delete() {
        assertThat(reasonOf(() -> fixture.deleteSubject("a-value", true))).isEqualTo(Reason.SUBJECT_NOT_SOFT_DELETED);
        fixture.deleteSubject("a-value", false);
        assertThat(reasonOf(() -> fixture.deleteSubject("a-value", false))).isEqualTo(Reason.SUBJECT_SOFT_DELETED);

        assertThat(fixture.deleteSubject("a-value", true)).containsExactly(1, 2);

        assertThat(fixture.registry.subjects(true)).isEmpty();
        assertThat(reasonOf(() -> fixture.deleteSubject("a-value", true))).isEqualTo(Reason.SUBJECT_NOT_FOUND);
        assertThat(reasonOf(() -> lookup.schema(1))).isEqualTo(Reason.SCHEMA_NOT_FOUND);
    }

    @Test
    void a_version_is_deleted_permanently_only_after_a_soft_delete() {
        assertThat(reasonOf(() -> fixture.deleteVersion("a-value", 1, true))).isEqualTo(Reason.VERSION_NOT_SOFT_DELETED);
        fixture.deleteVersion("a-value", 1, false);
        assertThat(reasonOf(() -> fixture.deleteVersion("a-value", 1, false))).isEqualTo(Reason.VERSION_SOFT_DELETED);
        assertThat(fixture.versions("a-value")).containsExactly(2);

        fixture.deleteVersion("a-value", 1, true);

        assertThat(lookup.versions("a-value", true)).containsExactly(2);
        assertThat(reasonOf(() -> fixture.deleteVersion("a-value", 1, true))).isEqualTo(Reason.VERSION_NOT_FOUND);
    }

    @Test
    void soft_deleting_a_subject_removes_its_own_compatibility_level() {
        fixture.setLevel("a-value", CompatibilityLevel.FULL);

        fixture.deleteSubject("a-value", false);

        assertThat(fixture.registry.subjectLevel("a-value")).isEmpty();
    }

    @Test
    void unknown_subjects_and_versions_are_told_apart() {
        assertThat(reasonOf(() -> fixture.deleteSubject("nobody", false))).isEqualTo(Reason.SUBJECT_NOT_FOUND);
        assertThat(reasonOf(() -> fixture.deleteVersion("a-value", 9, false))).isEqualTo(Reason.VERSION_NOT_FOUND);
        assertThat(reasonOf(() -> lookup.version("a-value", VersionId.parse("9"), false)))
                .isEqualTo(Reason.VERSION_NOT_FOUND);
        assertThat(reasonOf(() -> VersionId.parse("0"))).isEqualTo(Reason.INVALID_VERSION);
        assertThat(reasonOf(() -> VersionId.parse("one"))).isEqualTo(Reason.INVALID_VERSION);
        assertThat(lookup.version("a-value", VersionId.parse("latest"), false).version()).isEqualTo(2);
        assertThat(lookup.version("a-value", VersionId.parse("-1"), false).version()).isEqualTo(2);
    }
}
