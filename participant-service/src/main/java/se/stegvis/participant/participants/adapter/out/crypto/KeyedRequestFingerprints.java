package se.stegvis.participant.participants.adapter.out.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import se.stegvis.participant.participants.application.RequestFingerprints;

/** HMAC-SHA256 of a request under a key derived from the master key for this purpose only. */
public final class KeyedRequestFingerprints implements RequestFingerprints {

    static final String PURPOSE = "stegvis idempotent-request v1";

    private final SecretKeySpec key;

    public KeyedRequestFingerprints(MasterKey masterKey) {
        byte[] derived = masterKey.derive(PURPOSE);
        this.key = new SecretKeySpec(derived, "HmacSHA256");
        Arrays.fill(derived, (byte) 0);
    }

    @Override
    public String of(String canonicalRequest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonicalRequest.getBytes(UTF_8)));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }
}
