package se.stegvis.participant.participants.adapter.out.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.participant.participants.domain.InventedNumbers.withCheckDigit;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String NUMBER = withCheckDigit("19900101981");
    private static final byte[] PLAINTEXT = ("{\"personalIdentityNumber\":\"" + NUMBER
            + "\",\"givenName\":\"Alex\",\"familyName\":\"Example\"}").getBytes(UTF_8);

    private final UUID participant = UUID.randomUUID();
    private final PersonalDataCipher cipher = new PersonalDataCipher(MasterKey.generate());

    @Test
    void sealed_data_opens_to_the_same_bytes() {
        assertThat(cipher.open(participant, cipher.seal(participant, PLAINTEXT))).isEqualTo(PLAINTEXT);
    }

    @Test
    void empty_data_seals_and_opens_too() {
        assertThat(cipher.open(participant, cipher.seal(participant, new byte[0]))).isEmpty();
    }

    @Test
    void sealing_the_same_data_twice_gives_different_keys_and_ciphertexts() {
        SealedData first = cipher.seal(participant, PLAINTEXT);
        SealedData second = cipher.seal(participant, PLAINTEXT);

        assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(Arrays.copyOfRange(first.ciphertext(), 1, 13))
                .isNotEqualTo(Arrays.copyOfRange(second.ciphertext(), 1, 13));
    }

    @Test
    void sealed_data_starts_with_the_format_version_and_has_a_nonce_and_a_tag() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);

        assertThat(sealed.wrappedDataKey()).hasSize(1 + 12 + 32 + 16).startsWith(PersonalDataCipher.VERSION);
        assertThat(sealed.ciphertext()).hasSize(1 + 12 + PLAINTEXT.length + 16)
                .startsWith(PersonalDataCipher.VERSION);
    }

    @Test
    void sealed_data_does_not_contain_the_plaintext_or_any_part_of_it() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);

        for (String part : new String[] {NUMBER, "Alex", "Example"}) {
            assertThat(indexOf(sealed.ciphertext(), part.getBytes(UTF_8))).isEqualTo(-1);
            assertThat(indexOf(sealed.wrappedDataKey(), part.getBytes(UTF_8))).isEqualTo(-1);
        }
        assertThat(sealed.toString()).doesNotContain("Alex").matches("SealedData\\[.*bytes.*bytes\\]");
    }

    @Test
    void changing_any_bit_of_the_ciphertext_makes_it_unreadable() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);

        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] tampered = sealed.ciphertext();
            tampered[i] ^= (byte) (1 << (i % 8));
            assertUnreadable(participant, new SealedData(sealed.wrappedDataKey(), tampered));
        }
    }

    @Test
    void changing_any_bit_of_the_wrapped_data_key_makes_it_unreadable() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);

        for (int i = 0; i < sealed.wrappedDataKey().length; i++) {
            byte[] tampered = sealed.wrappedDataKey();
            tampered[i] ^= (byte) (1 << (i % 8));
            assertUnreadable(participant, new SealedData(tampered, sealed.ciphertext()));
        }
    }

    @Test
    void truncated_or_extended_data_is_unreadable() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);
        byte[] ciphertext = sealed.ciphertext();

        assertUnreadable(participant, new SealedData(sealed.wrappedDataKey(), new byte[0]));
        assertUnreadable(participant, new SealedData(new byte[0], ciphertext));
        assertUnreadable(participant,
                new SealedData(sealed.wrappedDataKey(), Arrays.copyOf(ciphertext, ciphertext.length - 1)));
        assertUnreadable(participant,
                new SealedData(sealed.wrappedDataKey(), Arrays.copyOf(ciphertext, ciphertext.length + 1)));
    }

    @Test
    void another_participants_data_does_not_open_as_this_participants() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);

        assertUnreadable(UUID.randomUUID(), sealed);
    }

    @Test
    void one_participants_data_key_does_not_open_another_participants_ciphertext() {
        UUID other = UUID.randomUUID();
        SealedData mine = cipher.seal(participant, PLAINTEXT);
        SealedData theirs = cipher.seal(other, PLAINTEXT);

        assertUnreadable(participant, new SealedData(mine.wrappedDataKey(), theirs.ciphertext()));
    }

    @Test
    void data_sealed_under_another_master_key_is_unreadable() {
        SealedData sealed = new PersonalDataCipher(MasterKey.generate()).seal(participant, PLAINTEXT);

        assertThatThrownBy(() -> cipher.open(participant, sealed))
                .isInstanceOf(PersonalDataUnreadable.class)
                .hasMessageContaining("another master key");
    }

    @Test
    void an_unknown_format_version_is_named() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);
        byte[] wrappedDataKey = sealed.wrappedDataKey();
        wrappedDataKey[0] = 2;

        assertThatThrownBy(() -> cipher.open(participant, new SealedData(wrappedDataKey, sealed.ciphertext())))
                .isInstanceOf(PersonalDataUnreadable.class)
                .hasMessageContaining("unknown format version 2");
    }

    @Test
    void sealed_data_cannot_be_changed_through_the_arrays_it_was_given_or_gave_out() {
        SealedData sealed = cipher.seal(participant, PLAINTEXT);
        byte[] given = sealed.ciphertext();
        SealedData copy = new SealedData(sealed.wrappedDataKey(), given);
        given[20] ^= 1;
        copy.ciphertext()[20] ^= 1;

        assertThat(copy).isEqualTo(sealed).hasSameHashCodeAs(sealed);
        assertThat(cipher.open(participant, copy)).isEqualTo(PLAINTEXT);
    }

    private void assertUnreadable(UUID participantId, SealedData sealed) {
        assertThatThrownBy(() -> cipher.open(participantId, sealed))
                .isInstanceOf(PersonalDataUnreadable.class)
                .hasMessageContaining(participantId.toString())
                .hasMessageNotContainingAny("Alex", "Example", NUMBER)
                .satisfies(e -> assertThat(((PersonalDataUnreadable) e).participantId()).isEqualTo(participantId));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
