package se.stegvis.participant.participants.adapter.out.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that wraps every participant's data key. Losing it makes all personal data
 * unreadable, so an existing key file is never overwritten, even when it cannot be read.
 *
 * <p>The raw bytes never leave this class: the cipher gets an AES key object and other uses get a key
 * derived for their purpose, so a fingerprint key can never decrypt anything.
 */
public final class MasterKey {

    static final int LENGTH_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private MasterKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A new random key: for a first start, a rotation, or a test. */
    public static MasterKey generate() {
        byte[] bytes = new byte[LENGTH_BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** @throws IllegalArgumentException with a message that never repeats the value given */
    public static MasterKey fromBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // Its message quotes the offending character, so it is not passed on as a cause.
            throw new IllegalArgumentException("the master key is not valid base64");
        }
        try {
            if (decoded.length != LENGTH_BYTES) {
                throw new IllegalArgumentException("the master key must be 32 bytes (256 bits), base64-encoded");
            }
            return new MasterKey(decoded);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    /**
     * Reads the key from {@code file}, or creates a new random key there if the file does not exist. A
     * created file is readable and writable by its owner only (600) where the file system is POSIX; it is
     * created with those permissions rather than narrowed afterwards, so it is never readable by others.
     *
     * @throws IllegalStateException if the file exists but does not hold a key: the caller must fix it,
     *                               since replacing it would lose every participant's personal data
     */
    public static Loaded loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return new Loaded(read(file), false);
        }
        MasterKey key = generate();
        try {
            write(key, file);
            return new Loaded(key, true);
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            return new Loaded(read(file), false);
        }
    }

    /** The key and whether it was just created, so the caller can log "created a new master key in …". */
    public record Loaded(MasterKey key, boolean created) {
    }

    private static MasterKey read(Path file) throws IOException {
        try {
            return fromBase64(Files.readString(file, US_ASCII));
        } catch (IllegalArgumentException | CharacterCodingException unreadable) {
            throw new IllegalStateException("the master key file " + file
                    + " does not hold a base64-encoded 256-bit key; it was left as it is");
        }
    }

    private static void write(MasterKey key, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        byte[] content = (Base64.getEncoder().encodeToString(key.bytes) + "\n").getBytes(US_ASCII);
        // CREATE_NEW: two instances starting at once must not each write a key and use different ones.
        try (FileChannel channel = FileChannel.open(file, Set.of(CREATE_NEW, WRITE), ownerOnly)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        } catch (IOException | RuntimeException failed) {
            if (!(failed instanceof FileAlreadyExistsException)) {
                Files.deleteIfExists(file); // a half-written key would stop the next start
            }
            throw failed;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE); // in case a umask took the owner's bits
        }
    }

    SecretKey aesKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    /** HMAC-SHA256(master key, purpose): a separate key per use, none of which reveals the master key. */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(UTF_8));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
