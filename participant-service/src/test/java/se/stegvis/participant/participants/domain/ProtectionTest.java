package se.stegvis.participant.participants.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtectionTest {

    @Test
    void protected_addresses_and_fictitious_identities_are_shielded() {
        assertThat(Protection.PROTECTED_ADDRESS.shielded()).isTrue();
        assertThat(Protection.FICTITIOUS_IDENTITY.shielded()).isTrue();
    }

    @Test
    void no_protection_and_a_confidentiality_marking_are_not_shielded() {
        assertThat(Protection.NONE.shielded()).isFalse();
        assertThat(Protection.CONFIDENTIALITY_MARKING.shielded()).isFalse();
    }
}
