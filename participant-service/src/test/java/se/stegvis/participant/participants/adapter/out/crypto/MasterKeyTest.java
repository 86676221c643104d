package se.stegvis.participant.participants.adapter.out.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyTest {

    private static final byte[] DATA = "Alex Example".getBytes(UTF_8);

    @TempDir
    Path directory;

    private static String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Keys are compared by what they do, since a key has no equals that could leak timing. */
    private static void assertSameKey(MasterKey sealing, MasterKey opening) {
        UUID participant = UUID.randomUUID();
        SealedData sealed = new PersonalDataCipher(sealing).seal(participant, DATA);
        assertThat(new PersonalDataCipher(opening).open(participant, sealed)).isEqualTo(DATA);
    }

    @Test
    void a_key_read_twice_from_the_same_base64_is_the_same_key() {
        String base64 = randomBase64(32);

        assertSameKey(MasterKey.fromBase64(base64), MasterKey.fromBase64(base64 + "\n"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void keys_of_any_length_but_256_bits_are_rejected_without_repeating_them(int bytes) {
        String base64 = randomBase64(bytes);

        assertThatThrownBy(() -> MasterKey.fromBase64(base64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the master key must be 32 bytes (256 bits), base64-encoded");
    }

    @Test
    void text_that_is_not_base64_is_rejected_without_repeating_it() {
        assertThatThrownBy(() -> MasterKey.fromBase64("not-a-key-%%-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the master key is not valid base64")
                .hasNoCause();
        assertThatThrownBy(() -> MasterKey.fromBase64(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_does_not_show_the_key() {
        String base64 = randomBase64(32);

        assertThat(MasterKey.fromBase64(base64).toString()).isEqualTo("MasterKey[redacted]");
    }

    @Test
    void load_or_create_creates_a_key_once_and_then_reads_the_same_key() throws IOException {
        Path file = directory.resolve("keys").resolve("master.key");

        MasterKey.Loaded first = MasterKey.loadOrCreate(file);
        String written = Files.readString(file);
        MasterKey.Loaded second = MasterKey.loadOrCreate(file);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(Base64.getDecoder().decode(written.strip())).hasSize(32);
        assertSameKey(first.key(), second.key());
    }

    @Test
    void a_created_key_file_is_readable_and_writable_by_its_owner_only() throws IOException {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = directory.resolve("master.key");

        MasterKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void each_created_key_is_new() throws IOException {
        MasterKey one = MasterKey.loadOrCreate(directory.resolve("one.key")).key();
        MasterKey other = MasterKey.loadOrCreate(directory.resolve("other.key")).key();

        SealedData sealed = new PersonalDataCipher(one).seal(UUID.randomUUID(), DATA);
        assertThatThrownBy(() -> new PersonalDataCipher(other).open(UUID.randomUUID(), sealed))
                .isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void a_key_file_that_holds_no_key_is_reported_and_left_as_it_is() throws IOException {
        Path file = directory.resolve("master.key");
        Files.writeString(file, "c2hvcnQ=\n");

        assertThatThrownBy(() -> MasterKey.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("c2hvcnQ");
        assertThat(Files.readString(file)).isEqualTo("c2hvcnQ=\n");
    }
}
