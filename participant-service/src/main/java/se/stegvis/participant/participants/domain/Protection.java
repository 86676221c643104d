package se.stegvis.participant.participants.domain;

/**
 * How strongly a participant's personal data is protected, mirroring the Swedish population register's
 * markings (sekretessmarkering, skyddad folkbokföring, fingerade personuppgifter).
 */
public enum Protection {
    NONE,
    CONFIDENTIALITY_MARKING,
    PROTECTED_ADDRESS,
    FICTITIOUS_IDENTITY;

    /**
     * Whether the person may be under threat: their personal data is never returned in lists and every
     * read of it is audit-logged. A confidentiality marking alone asks for care, not for shielding.
     */
    public boolean shielded() {
        return this == PROTECTED_ADDRESS || this == FICTITIOUS_IDENTITY;
    }
}
