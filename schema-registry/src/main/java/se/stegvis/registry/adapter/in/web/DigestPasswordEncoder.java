package se.stegvis.registry.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Compares SHA-256 digests with {@link MessageDigest#isEqual}, whose time does not depend on where two values first
 * differ: the time of an answer tells a guesser nothing about how much of a guess was right. The registry's passwords
 * are configured in plain text anyway (they are machine credentials, long and random), so a deliberately slow hash
 * such as BCrypt would protect nothing stored and would only cost CPU on every authenticated call; comparing digests
 * of fixed length also keeps the password's length out of the timing.
 */
final class DigestPasswordEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(digest(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.length() != 64) {
            return false;
        }
        return MessageDigest.isEqual(digest(rawPassword), HexFormat.of().parseHex(encodedPassword));
    }

    private static byte[] digest(CharSequence text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
