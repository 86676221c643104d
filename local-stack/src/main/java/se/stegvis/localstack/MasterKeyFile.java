package se.stegvis.localstack;

import java.io.IOException;
import java.nio.file.Path;
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
        return OwnerOnlyFile.createIfMissing(file, () -> OwnerOnlyFile.randomSecret(Base64.getEncoder()) + "\n");
    }
}
