package se.stegvis.participant.audit.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.stegvis.access.Caller;
import se.stegvis.participant.audit.application.ReadAuditTrail;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditQuery;
import se.stegvis.service.command.InvalidCommand;

/** The audit trail of personal data, for auditors: {@code GET /api/audit?participantId=&subject=&from=&to=&limit=}. */
@RestController
public class AuditController {

    private final ReadAuditTrail readAuditTrail;

    public AuditController(ReadAuditTrail readAuditTrail) {
        this.readAuditTrail = readAuditTrail;
    }

    /** {@code file} only on an SCB_FILE entry: the month and the number of rows. */
    public record AuditEntryResponse(Instant at, String subject, String action, String projectId, List<UUID> participantIds,
            @JsonInclude(JsonInclude.Include.NON_NULL) FileResponse file) {
        static AuditEntryResponse of(AuditEntry entry) {
            return new AuditEntryResponse(entry.at(), entry.subject(), entry.action().name(), entry.projectId(), entry.participantIds(),
                    entry.file() == null ? null : new FileResponse(entry.file().month().toString(), entry.file().rows()));
        }
    }

    public record FileResponse(String month, int rows) {
    }

    public record AuditResponse(List<AuditEntryResponse> entries) {
    }

    /** {@code from} inclusive, {@code to} exclusive, as ISO-8601 instants; newest first, 100 unless {@code limit} says. */
    @GetMapping("/api/audit")
    public AuditResponse find(Caller caller, @RequestParam(required = false) UUID participantId,
            @RequestParam(required = false) String subject, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new InvalidCommand("limit", "must be from 1 to " + AuditQuery.MAX_LIMIT);
        }
        List<AuditEntry> entries = readAuditTrail.find(caller, new AuditQuery(participantId, subject, from, to, limit));
        return new AuditResponse(entries.stream().map(AuditEntryResponse::of).toList());
    }
}
