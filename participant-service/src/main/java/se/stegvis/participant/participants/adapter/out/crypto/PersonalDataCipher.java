package se.stegvis.participant.participants.adapter.out.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of one participant's personal data: a fresh random 256-bit data key per seal
 * encrypts the data with AES-GCM, and the master key wraps that data key, also with AES-GCM. Destroying
 * the wrapped data key erases the data.
 *
 * <p>Both layers take {@code version ‖ participant id} as associated data, so sealed data (or a wrapped
 * key) copied onto another participant fails to open instead of showing one person's data as another's.
 * AES-GCM rather than AES key wrap (RFC 3394) for the data key for that reason: key wrap has no
 * associated data. Random 96-bit nonces are safe here: each data key encrypts once, and the master key
 * stays far below the 2^32 wraps after which GCM's random nonces would need a new key.
 *
 * <p>A correction is sealed again, with a new data key: store the new pair in place of the old one, and
 * an old copy of the ciphertext cannot be opened with the new key. There is no {@code reseal}.
 *
 * <p>The version byte leads each array so that a later format (another master key, another algorithm)
 * can be told apart and old data re-wrapped; this version opens only its own format.
 */
public final class PersonalDataCipher {

    static final byte VERSION = 1;
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int DATA_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + NONCE_BYTES;

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    public SealedData seal(UUID participantId, byte[] plaintext) {
        byte[] dataKey = randomBytes(DATA_KEY_BYTES);
        try {
            byte[] associatedData = associatedData(participantId);
            return new SealedData(
                    encrypt(masterKey.aesKey(), dataKey, associatedData),
                    encrypt(new SecretKeySpec(dataKey, "AES"), plaintext, associatedData));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * @throws PersonalDataUnreadable if the data was altered, sealed for another participant or under
     *                                another master key, or is in a format this version does not know
     */
    public byte[] open(UUID participantId, SealedData sealed) {
        byte[] associatedData = associatedData(participantId);
        byte[] dataKey = decrypt(masterKey.aesKey(), sealed.wrappedDataKey(), associatedData, participantId,
                "the data key does not unwrap: it belongs to another participant, was wrapped under another"
                        + " master key, or was altered");
        try {
            return decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), associatedData, participantId,
                    "the ciphertext does not decrypt: it belongs to another participant or was altered");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = new byte[HEADER_BYTES + cipher.getOutputSize(plaintext.length)];
            sealed[0] = VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, HEADER_BYTES);
            return sealed;
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("AES-GCM is not available", missingFromTheJdk);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] associatedData, UUID participantId,
            String whenTheTagDoesNotMatch) {
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8) {
            throw new PersonalDataUnreadable(participantId, "sealed data is truncated");
        }
        if (sealed[0] != VERSION) {
            throw new PersonalDataUnreadable(participantId, "unknown format version " + (sealed[0] & 0xff));
        }
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException tagMismatch) {
            throw new PersonalDataUnreadable(participantId, whenTheTagDoesNotMatch);
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("AES-GCM is not available", missingFromTheJdk);
        }
    }

    private static byte[] associatedData(UUID participantId) {
        return ByteBuffer.allocate(1 + 16)
                .put(VERSION)
                .putLong(participantId.getMostSignificantBits())
                .putLong(participantId.getLeastSignificantBits())
                .array();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
