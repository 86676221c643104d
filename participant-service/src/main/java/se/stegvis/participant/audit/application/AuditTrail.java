package se.stegvis.participant.audit.application;

import java.util.List;

import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditQuery;

/** The append-only trail of accesses to personal data: entries are added and read, never changed or removed. */
public interface AuditTrail {

    void record(AuditEntry entry);

    List<AuditEntry> find(AuditQuery query);
}
