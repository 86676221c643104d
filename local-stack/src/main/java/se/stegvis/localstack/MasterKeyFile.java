package se.stegvis.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key that wraps participant-service's per-participant data keys, for the local stack: created under the
 * data directory on the first start (256 random bits, base64, readable by the owner only), kept afterwards. In
 * production the key comes from the environment instead.
 */
final class MasterKeyFile {

    private MasterKeyFile() {
    }

    /** Answers true when the key was created now. */
    static boolean ensure(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        Files.write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.TRUNCATE_EXISTING);
        return true;
    }
}
