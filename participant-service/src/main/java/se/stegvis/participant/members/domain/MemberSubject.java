package se.stegvis.participant.members.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a member's subject may be: the issuer's opaque id for a staff member. It travels on the memberships topic,
 * so it must not be an e-mail address or a personal identity number; an issuer that uses those as {@code sub}
 * should be configured to give its opaque id (Entra ID's object id, Keycloak's user id).
 */
public final class MemberSubject {

    static final int MAX_LENGTH = 255;
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("(\\d{2})?\\d{6}[-+]?\\d{4}");

    private MemberSubject() {
    }

    /** Why the subject cannot be a member's, or empty when it can. */
    public static Optional<String> problem(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > MAX_LENGTH) {
            return Optional.of("must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!VISIBLE.matcher(subject).matches()) {
            return Optional.of("must be visible ASCII characters without spaces");
        }
        if (subject.contains("@") || IDENTITY_NUMBER.matcher(subject).matches()) {
            return Optional.of("must be the issuer's opaque subject id, not an e-mail address or identity number");
        }
        return Optional.empty();
    }
}
