package se.stegvis.participant.participants.domain;

/**
 * How strongly a participant's personal data is protected, mirroring the Swedish population register's
 * markings (sekretessmarkering, skyddad folkbokföring, fingerade personuppgifter). Any level but NONE keeps the
 * person's personal data out of lists: it is read one participant at a time, by STAFF of the project, audited.
 */
public enum Protection {
    NONE,
    CONFIDENTIALITY_MARKING,
    PROTECTED_ADDRESS,
    FICTITIOUS_IDENTITY
}
