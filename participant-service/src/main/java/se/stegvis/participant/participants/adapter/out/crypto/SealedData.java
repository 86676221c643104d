package se.stegvis.participant.participants.adapter.out.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * One participant's personal data as stored: the data key wrapped by the master key, and the data
 * encrypted with that data key. Each array is {@code version (1 byte) ‖ nonce (12) ‖ ciphertext ‖ tag (16)}.
 *
 * <p>Erasure destroys the data key, so store {@code wrappedDataKey} where it can be deleted for good (its
 * own field, removed on erasure, not copied into events or long-lived exports); without it the ciphertext
 * cannot be read even if a copy survives somewhere.
 *
 * <p>The arrays are copied in and out, so a caller cannot change sealed data after the fact.
 */
public record SealedData(byte[] wrappedDataKey, byte[] ciphertext) {

    public SealedData {
        wrappedDataKey = Objects.requireNonNull(wrappedDataKey, "wrappedDataKey").clone();
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] wrappedDataKey() {
        return wrappedDataKey.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedData that
                && Arrays.equals(wrappedDataKey, that.wrappedDataKey)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(wrappedDataKey) + Arrays.hashCode(ciphertext);
    }

    /** Sizes only: the bytes are of no use in a log and need not be there. */
    @Override
    public String toString() {
        return "SealedData[wrappedDataKey=" + wrappedDataKey.length + " bytes, ciphertext="
                + ciphertext.length + " bytes]";
    }
}
