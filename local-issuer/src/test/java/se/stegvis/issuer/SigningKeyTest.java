package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void a_key_file_is_made_owner_only_on_first_use_and_the_same_key_is_read_from_it_afterwards() throws Exception {
        Path file = directory.resolve("keys").resolve("issuer-key.json");

        SigningKey.Kept made = SigningKey.loadOrCreate(file);
        SigningKey.Kept read = SigningKey.loadOrCreate(file);

        assertThat(made.created()).isTrue();
        assertThat(read.created()).isFalse();
        assertThat(read.key()).isEqualTo(made.key());
        assertThat(read.key().isPrivate()).isTrue();
        assertThat(read.key().getKeyID()).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(JWKSet.load(file.toFile()).getKeys()).containsExactly(made.key());
    }

    @Test
    void a_file_without_a_private_key_stops_the_start_and_is_left_as_it_was() throws IOException {
        Path publicOnly = directory.resolve("public.json");
        String publicKey = new JWKSet(SigningKey.loadOrCreate(directory.resolve("real.json")).key().toPublicJWK()).toString();
        Files.writeString(publicOnly, publicKey);
        Path garbage = directory.resolve("garbage.json");
        Files.writeString(garbage, "{\"keys\": [{\"kty\": \"RSA\", \"d\": \"secret-looking\"");

        assertThatThrownBy(() -> SigningKey.loadOrCreate(publicOnly)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(publicOnly.toString());
        assertThatThrownBy(() -> SigningKey.loadOrCreate(garbage)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("secret-looking").hasNoCause();
        assertThat(Files.readString(publicOnly)).isEqualTo(publicKey);
    }

    @Test
    void without_a_file_every_start_makes_another_key() throws KeySourceException {
        assertThat(keyIds(SigningKey.generated())).hasSize(1).doesNotContainAnyElementsOf(keyIds(SigningKey.generated()));
    }

    private static List<String> keyIds(JWKSource<SecurityContext> source) throws KeySourceException {
        return source.get(new JWKSelector(new JWKMatcher.Builder().build()), null).stream().map(JWK::getKeyID).toList();
    }
}
