package se.stegvis.service.command;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's {@code Idempotency-Key}: 1 to 64 visible ASCII characters from {@code A-Z a-z 0-9 . _ ~ : -} (a UUID,
 * a ULID, "e2e-person-17" all fit), refused at the header otherwise. It is only ever stored as a hash scoped to who
 * sent it ({@link #hashed}), so a client that puts an identity number in its key does not put it in clear in a store.
 * {@link #toString()} never shows it.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 64;
    /**
     * The scope every key is hashed in until the services know who is signed in; then the caller's subject, so two
     * callers' equal keys are two keys.
     */
    public static final String ANY_CALLER = "any-caller";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._~:-]{1," + MAX_LENGTH + "}");

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /**
     * The key in the header, or null when there is none. A malformed one is reported in {@code fields} at
     * {@code Idempotency-Key} (without its value, which may be personal) and answered as null.
     */
    public static IdempotencyKey of(String header, RequestFields fields) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            fields.add(new Violation(HEADER, "must be 1 to " + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ ~ : -"));
            return null;
        }
        return new IdempotencyKey(header);
    }

    /**
     * The header validated on its own and hashed in {@code scope}, null when there is none: for a command that checks
     * its body elsewhere. A malformed key is an InvalidCommand at {@code Idempotency-Key}, before anything is stored.
     */
    public static String hashedOrRefused(String header, String scope, Hashing hashing) {
        RequestFields fields = new RequestFields();
        IdempotencyKey key = of(header, fields);
        fields.throwIfAny();
        return key == null ? null : key.hashed(scope, hashing);
    }

    /** The key as it may be stored: the hash of scope and key, 64 lower-case hex digits. */
    public String hashed(String scope, Hashing hashing) {
        return hashing.hash(scope, value);
    }

    @Override
    public String toString() {
        return "IdempotencyKey[redacted]";
    }

    /**
     * How keys are hashed: HMAC-SHA256 under a service secret where the service has one (so a key cannot be found by
     * hashing guesses, such as every identity number), or SHA-256 behind a fixed domain-separation label where it has
     * none (it still keeps the key out of the store in clear, but a guessed key can be confirmed). The input is
     * {@code scope NUL key}; neither contains a NUL, so two different pairs never hash alike.
     */
    public static final class Hashing {

        private static final String UNKEYED_LABEL = "stegvis idempotency-key v1";

        private final SecretKeySpec secret;

        private Hashing(SecretKeySpec secret) {
            this.secret = secret;
        }

        /** HMAC-SHA256 under {@code secret} (at least 32 bytes; the caller may clear its copy afterwards). */
        public static Hashing keyed(byte[] secret) {
            if (secret.length < 32) {
                throw new IllegalArgumentException("the secret must be at least 32 bytes");
            }
            return new Hashing(new SecretKeySpec(secret, "HmacSHA256"));
        }

        /** SHA-256 over a fixed label, scope and key: for services that hold no secret. */
        public static Hashing unkeyed() {
            return new Hashing(null);
        }

        String hash(String scope, String key) {
            if (scope == null || scope.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the scope must be given and hold no NUL");
            }
            byte[] input = (scope + '\0' + key).getBytes(UTF_8);
            try {
                if (secret == null) {
                    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                    sha256.update((UNKEYED_LABEL + '\0').getBytes(UTF_8));
                    return HexFormat.of().formatHex(sha256.digest(input));
                }
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return HexFormat.of().formatHex(mac.doFinal(input));
            } catch (GeneralSecurityException missingFromTheJdk) {
                throw new IllegalStateException("SHA-256 or HmacSHA256 is not available", missingFromTheJdk);
            }
        }

        @Override
        public String toString() {
            return secret == null ? "Hashing[SHA-256]" : "Hashing[HMAC-SHA256]";
        }
    }
}
