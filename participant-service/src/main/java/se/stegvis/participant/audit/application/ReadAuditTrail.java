package se.stegvis.participant.audit.application;

import java.util.List;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditQuery;

/** The audit trail, for an {@code auditor} only: it says who saw whom, which is sensitive in itself. */
public class ReadAuditTrail {

    private final AuditTrail trail;

    public ReadAuditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    public List<AuditEntry> find(Caller caller, AuditQuery query) {
        caller.require(caller.has(GlobalRole.AUDITOR), "read the audit trail");
        return trail.find(query);
    }
}
