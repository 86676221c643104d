package se.stegvis.participant.participants.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A participant's personal data: what is encrypted at rest and never leaves participant-service.
 *
 * <p>Names are stripped of surrounding white space and normalised to NFC, so "å" typed as one or as two
 * code points is stored and compared the same way. They may hold any letters (including joiners used in
 * Persian or Indic names) but no control characters or line breaks, which have no place in a name and
 * would break logs and exports. {@link #toString()} is redacted.
 */
public record PersonalData(
        PersonalIdentityNumber personalIdentityNumber,
        String givenName,
        String familyName,
        Protection protection) {

    public static final int MAX_NAME_LENGTH = 100;
    /** Also the no-break space, which names pasted from web pages and documents often carry. */
    private static final Pattern SURROUNDING_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

    public PersonalData {
        if (personalIdentityNumber == null) {
            throw new InvalidPersonalData("personalIdentityNumber is required");
        }
        if (protection == null) {
            throw new InvalidPersonalData("protection is required");
        }
        givenName = validName("givenName", givenName);
        familyName = validName("familyName", familyName);
    }

    private static String validName(String field, String name) {
        String stripped = name == null ? "" : SURROUNDING_SPACE.matcher(name).replaceAll("");
        if (stripped.isEmpty()) {
            throw new InvalidPersonalData(field + " must not be blank");
        }
        String normalised = Normalizer.normalize(stripped, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) > MAX_NAME_LENGTH) {
            throw new InvalidPersonalData(field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (normalised.codePoints().anyMatch(PersonalData::isControlOrLineBreak)) {
            throw new InvalidPersonalData(field + " must not contain control characters");
        }
        return normalised;
    }

    private static boolean isControlOrLineBreak(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Fully redacted. Even the protection level stays out: a log line pairing a participant id with
     * "PROTECTED_ADDRESS" would tell a reader whom to look for.
     */
    @Override
    public String toString() {
        return "PersonalData[****]";
    }
}
