package se.stegvis.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    private final Caller owner = new Caller("owner-1", Set.of(), Map.of("p-1", ProjectRole.OWNER, "p-2", ProjectRole.STAFF));

    @Test
    void staff_and_owner_are_told_apart_per_project() {
        assertThat(owner.isOwnerOf("p-1")).isTrue();
        assertThat(owner.isStaffOf("p-1")).isFalse();
        assertThat(owner.isStaffOf("p-2")).isTrue();
        assertThat(owner.isMemberOf("p-1")).isTrue();
        assertThat(owner.isMemberOf("p-3")).isFalse();
        assertThat(owner.isMemberOfAnyProject()).isTrue();
    }

    @Test
    void a_global_role_alone_makes_nobody_a_member_of_a_project() {
        Caller admin = new Caller("admin-1", Set.of(GlobalRole.ADMIN, GlobalRole.AUDITOR, GlobalRole.INTEGRATOR), Map.of());

        assertThat(admin.isMemberOfAnyProject()).isFalse();
        assertThat(admin.isStaffOf("p-1")).isFalse();
        assertThat(admin.has(GlobalRole.ADMIN)).isTrue();
    }

    @Test
    void a_refusal_names_the_action() {
        assertThatThrownBy(() -> owner.require(owner.isStaffOf("p-1"), "enrol in p-1"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.action()).isEqualTo("enrol in p-1"));
        owner.require(owner.isStaffOf("p-2"), "enrol in p-2");
    }

    @Test
    void global_roles_are_read_from_their_claim_values_and_others_are_ignored() {
        assertThat(GlobalRole.fromClaim("admin")).contains(GlobalRole.ADMIN);
        assertThat(GlobalRole.fromClaim("ADMIN")).isEmpty();
        assertThat(GlobalRole.fromClaim("offline_access")).isEmpty();
    }

    @Test
    void a_caller_has_a_subject() {
        assertThatThrownBy(() -> new Caller(" ", Set.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
