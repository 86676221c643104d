package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoIdentityTest {

    @Test
    void seven_identities_and_only_integrator_auditor_and_admin_hold_a_global_role_of_their_name() {
        assertThat(DemoIdentity.ALL).extracting(DemoIdentity::name).containsExactly("malmo-staff", "goteborg-staff",
                "ostra-staff", "malmo-owner", "integrator", "auditor", "admin");
        for (DemoIdentity identity : DemoIdentity.ALL) {
            if (identity.name().equals("integrator") || identity.name().equals("auditor") || identity.name().equals("admin")) {
                assertThat(identity.roles()).containsExactly(identity.name());
            } else {
                assertThat(identity.roles()).isEmpty();
            }
        }
    }

    @Test
    void a_name_that_is_no_demo_identity_has_no_role() {
        assertThat(DemoIdentity.rolesOf("auditor")).containsExactly("auditor");
        assertThat(DemoIdentity.rolesOf("stegvis-dashboard")).isEmpty();
        assertThat(DemoIdentity.rolesOf("Admin")).isEmpty();
    }
}
