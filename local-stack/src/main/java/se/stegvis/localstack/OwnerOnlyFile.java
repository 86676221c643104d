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
import java.util.function.Supplier;

/** A file of secrets under the data directory, readable by the owner only where the file system has permissions. */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /**
     * Creates the file with the text made by {@code text} (asked only when the file is missing); answers false,
     * leaving the file as it is, when it exists already.
     */
    static boolean createIfMissing(Path file, Supplier<String> text) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        Files.write(file, text.get().getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
        return true;
    }

    /** 256 random bits, in the given Base64 form. */
    static String randomSecret(Base64.Encoder encoder) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return encoder.encodeToString(secret);
    }
}
