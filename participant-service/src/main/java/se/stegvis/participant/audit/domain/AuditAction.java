package se.stegvis.participant.audit.domain;

/** What was done with a participant's personal data; SCB_FILE is a download of the monthly file for Statistics Sweden. */
public enum AuditAction {
    LIST, READ, ENROL, CORRECT, LEAVE, ERASE, SCB_FILE
}
