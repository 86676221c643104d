package se.stegvis.service.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final IdempotencyKey.Hashing KEYED = IdempotencyKey.Hashing.keyed(filled(32, (byte) 7));

    @Test
    void takes_one_to_sixty_four_characters_of_the_documented_set_and_no_header_is_no_key() {
        RequestFields fields = new RequestFields();
        for (String key : List.of("a", "k".repeat(64), "0f8fad5b-d9cb-469f-a165-70867728950e", "e2e-person_17.retry~2:x")) {
            assertThat(IdempotencyKey.of(key, fields)).as(key).isNotNull();
        }
        assertThat(IdempotencyKey.of(null, fields)).isNull();
        fields.throwIfAny();
    }

    @Test
    void refuses_anything_else_at_the_header_without_echoing_it() {
        for (String key : List.of("", "k".repeat(65), "two words", "tab\there", "åäö", "semi;colon", "slash/", "nul\u0000", "19900101 1234")) {
            RequestFields fields = new RequestFields();
            assertThat(IdempotencyKey.of(key, fields)).as(key).isNull();
            assertThatThrownBy(fields::throwIfAny).as(key).isInstanceOfSatisfying(InvalidCommand.class, e -> {
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("Idempotency-Key");
                    assertThat(v.message()).doesNotContain("19900101");
                });
            });
        }
    }

    @Test
    void the_hash_depends_on_scope_key_and_secret_and_never_shows_the_key() {
        IdempotencyKey key = IdempotencyKey.of("19900101-1234", new RequestFields());

        String hashed = key.hashed(IdempotencyKey.ANY_CALLER, KEYED);

        assertThat(hashed).matches("[0-9a-f]{64}").doesNotContain("19900101");
        assertThat(key.hashed(IdempotencyKey.ANY_CALLER, KEYED)).isEqualTo(hashed);
        assertThat(key.hashed("another-caller", KEYED)).isNotEqualTo(hashed);
        assertThat(key.hashed(IdempotencyKey.ANY_CALLER, IdempotencyKey.Hashing.keyed(filled(32, (byte) 8)))).isNotEqualTo(hashed);
        assertThat(key.hashed(IdempotencyKey.ANY_CALLER, IdempotencyKey.Hashing.unkeyed())).matches("[0-9a-f]{64}").isNotEqualTo(hashed);
        assertThat(IdempotencyKey.of("19900101-1235", new RequestFields()).hashed(IdempotencyKey.ANY_CALLER, KEYED)).isNotEqualTo(hashed);
        assertThat(key.toString()).doesNotContain("1990");
    }

    @Test
    void scope_and_key_cannot_run_into_each_other() {
        IdempotencyKey.Hashing unkeyed = IdempotencyKey.Hashing.unkeyed();
        assertThat(IdempotencyKey.of("bc", new RequestFields()).hashed("a", unkeyed))
                .isNotEqualTo(IdempotencyKey.of("c", new RequestFields()).hashed("ab", unkeyed));
        assertThatThrownBy(() -> IdempotencyKey.of("c", new RequestFields()).hashed("a\u0000b", unkeyed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.Hashing.keyed(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
