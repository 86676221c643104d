package se.stegvis.participant.audit.domain;

/** What was done with a participant's personal data. */
public enum AuditAction {
    LIST, READ, ENROL, CORRECT, LEAVE, ERASE
}
