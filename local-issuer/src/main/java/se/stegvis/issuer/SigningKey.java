package se.stegvis.issuer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs every token. By default it is made when the issuer starts and kept only in memory: nothing
 * to store, leak or rotate, at the price that every token dies with a restart (sign in again). Given a key file
 * ({@code stegvis.issuer.key-file}) it is made once and kept there instead, as a JWK set with its private part,
 * readable by the owner only: the local stack keeps it in its data directory, so that tokens outlive a restart of
 * the same stack and its tests can sign tokens with the real key (an expired one, say).
 */
public final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {
    }

    /** A key of this start only. */
    public static JWKSource<SecurityContext> generated() {
        return source(newKey());
    }

    /** The key in {@code file}, made and written there first if the file does not exist. */
    public static JWKSource<SecurityContext> keptIn(Path file) throws IOException {
        Kept kept = loadOrCreate(file);
        log.info(kept.created() ? "Made a signing key and kept it in {}" : "Signing key read from {}", file);
        return source(kept.key());
    }

    /** The key and whether it was just made, so the caller can say which. */
    record Kept(RSAKey key, boolean created) {
    }

    /**
     * Reads the key from {@code file}, or makes a new one there. A new file is readable by its owner only from the
     * start (not narrowed afterwards) and never replaces an existing one, so two issuers starting at once on one file
     * sign alike.
     *
     * @throws IllegalStateException if the file exists but holds no RSA private key; it is left as it is
     */
    static Kept loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            RSAKey key = newKey();
            try {
                write(key, file);
                return new Kept(key, true);
            } catch (FileAlreadyExistsException anotherIssuerWasFirst) {
                // Its key, then, read below.
            }
        }
        return new Kept(read(file), false);
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            JWKSet keys = JWKSet.parse(Files.readString(file, UTF_8));
            if (keys.getKeys().size() == 1 && keys.getKeys().get(0) instanceof RSAKey key && key.isPrivate()
                    && key.getKeyID() != null) {
                return key;
            }
        } catch (ParseException unreadable) {
            // Its message may quote the file's content, which is a private key: not passed on.
        }
        throw new IllegalStateException("The signing key file " + file + " does not hold one RSA private key with a "
                + "key id (a JWK set); it was left as it is: delete it for a new key");
    }

    private static void write(RSAKey key, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Written whole under another name first (a temporary file is readable by its owner only), then linked in
        // place: the key file is never half written, and one that is there already is never replaced.
        Path whole = Files.createTempFile(directory, ".signing-key-", ".tmp");
        try {
            Files.writeString(whole, new JWKSet(key).toString(false) + "\n", UTF_8);
            Files.createLink(file, whole);
        } finally {
            Files.deleteIfExists(whole);
        }
    }

    private static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }

    private static JWKSource<SecurityContext> source(JWK key) {
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
