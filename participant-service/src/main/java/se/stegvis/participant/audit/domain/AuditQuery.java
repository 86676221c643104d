package se.stegvis.participant.audit.domain;

import java.time.Instant;
import java.util.UUID;

/** Which entries an auditor asks for: any of the filters may be null; newest first, at most {@code limit}. */
public record AuditQuery(UUID participantId, String subject, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;
}
