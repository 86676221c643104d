package se.stegvis.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The schema registry's one credential for the local stack, created under the data directory on the first start
 * (256 random bits, readable by the owner only) and kept afterwards. It is a Spring properties file that the registry
 * and every service import ({@code --spring.config.import=file:…}): the registry takes its user from
 * {@code stegvis.registry.users}, the services send {@code stegvis.schema-registry.user-info}. A file rather than
 * command-line arguments because a child's command line is readable by every local user ({@code ps}).
 */
final class RegistryCredentialsFile {

    static final String USER = "stegvis-local";

    private RegistryCredentialsFile() {
    }

    /** Answers true when the credential was created now. */
    static boolean ensure(Path file) throws IOException {
        return OwnerOnlyFile.createIfMissing(file, () -> text(USER + ":"
                + OwnerOnlyFile.randomSecret(Base64.getUrlEncoder().withoutPadding())));
    }

    private static String text(String userInfo) {
        return """
                # The local stack's schema registry credential, made on its first start. Delete it (with the stack
                # stopped) for a new one. The registry's only user, and what the services send when they register.
                stegvis.registry.users=%s
                stegvis.schema-registry.user-info=%s
                """.formatted(userInfo, userInfo);
    }
}
