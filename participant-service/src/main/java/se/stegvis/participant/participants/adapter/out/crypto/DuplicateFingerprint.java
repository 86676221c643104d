package se.stegvis.participant.participants.adapter.out.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;

/**
 * A stable, keyed fingerprint of a personal identity number within one project, so that enrolling the
 * same person twice in a project can be refused (a unique index on the fingerprint) without storing the
 * number in a form anyone can search.
 *
 * <p>Keyed (HMAC-SHA256), not a plain hash: there are only some tens of millions of valid numbers per
 * century, so an unkeyed hash is reversed by trying them all. Scoped to the project so that fingerprints
 * cannot link one person across projects. The key is derived from the master key for this purpose alone; a new derivation needs a
 * new label, and the fingerprints are then recomputed from the sealed personal data.
 */
public final class DuplicateFingerprint {

    static final String PURPOSE = "stegvis duplicate-detection v1";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final SecretKeySpec key;

    public DuplicateFingerprint(MasterKey masterKey) {
        byte[] derived = masterKey.derive(PURPOSE);
        this.key = new SecretKeySpec(derived, HMAC_SHA256);
        Arrays.fill(derived, (byte) 0);
    }

    /**
     * HMAC-SHA256 over {@code projectId ":" canonical number}, as 64 lower-case hex digits. The number is
     * always twelve digits, so the colon cannot make two different inputs read the same.
     */
    public String of(String projectId, PersonalIdentityNumber personalIdentityNumber) {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("projectId must not be blank");
        }
        byte[] input = (projectId + ":" + personalIdentityNumber.canonical()).getBytes(UTF_8);
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "DuplicateFingerprint[" + PURPOSE + "]";
    }
}
