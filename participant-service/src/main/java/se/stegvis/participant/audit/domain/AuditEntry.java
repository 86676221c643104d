package se.stegvis.participant.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One access to personal data: who (the token's subject), when, what, which project and which participants (one,
 * or every one a list showed). Never the personal data itself.
 */
public record AuditEntry(Instant at, String subject, AuditAction action, String projectId, List<UUID> participantIds) {

    public AuditEntry {
        participantIds = List.copyOf(participantIds);
    }

    public static AuditEntry of(Instant at, String subject, AuditAction action, String projectId, UUID participantId) {
        return new AuditEntry(at, subject, action, projectId, List.of(participantId));
    }
}
