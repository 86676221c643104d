package se.stegvis.participant.participants.adapter.out.crypto;

import java.util.Arrays;

import se.stegvis.service.command.IdempotencyKey;

/** Idempotency-Keys are hashed with HMAC-SHA256 under a key derived from the master key for this purpose only. */
public final class IdempotencyKeyHashing {

    static final String PURPOSE = "stegvis idempotency-key v1";

    private IdempotencyKeyHashing() {
    }

    public static IdempotencyKey.Hashing of(MasterKey masterKey) {
        byte[] derived = masterKey.derive(PURPOSE);
        try {
            return IdempotencyKey.Hashing.keyed(derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }
}
