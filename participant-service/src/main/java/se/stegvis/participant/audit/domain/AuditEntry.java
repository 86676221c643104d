package se.stegvis.participant.audit.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * One access to personal data: who (the token's subject), when, what, which project and which participants (one,
 * or every one a list or a file showed). Never the personal data itself.
 *
 * @param file which month a monthly file covered and how many rows it had; null for every other action
 */
public record AuditEntry(Instant at, String subject, AuditAction action, String projectId, List<UUID> participantIds,
        MonthlyFile file) {

    public AuditEntry {
        participantIds = List.copyOf(participantIds);
        if (file != null && file.rows() != participantIds.size()) {
            throw new IllegalArgumentException("A file's entry names one participant per row");
        }
    }

    public AuditEntry(Instant at, String subject, AuditAction action, String projectId, List<UUID> participantIds) {
        this(at, subject, action, projectId, participantIds, null);
    }

    public static AuditEntry of(Instant at, String subject, AuditAction action, String projectId, UUID participantId) {
        return new AuditEntry(at, subject, action, projectId, List.of(participantId));
    }

    /** The month a monthly file covered and its number of rows: what an auditor needs to judge it, nothing of a row. */
    public record MonthlyFile(YearMonth month, int rows) {
    }
}
