package se.stegvis.participant.participants.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.access.Caller;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.participants.domain.ScbMonthlyFile;

/**
 * The monthly participant file for Statistics Sweden, for STAFF of the project only: an OWNER sees no personal data.
 * Like a list, the download is written to the audit trail before the data leaves (who, which project, which month,
 * how many rows and whose), never a row's content; if the entry cannot be written, no file leaves.
 */
public class ScbParticipantFile {

    private static final Logger log = LoggerFactory.getLogger(ScbParticipantFile.class);

    private final ParticipantRegistry registry;
    private final ReadCatalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    public ScbParticipantFile(ParticipantRegistry registry, ReadCatalogue catalogue, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** The project's file for the month; an unknown project is NotFound, anyone but its STAFF is Refused. */
    public ScbMonthlyFile of(Caller caller, String projectId, YearMonth month) {
        catalogue.project(projectId);
        caller.require(caller.isStaffOf(projectId), "download the SCB participant file of project " + projectId);
        // Erased participants come without their person; the file leaves them out.
        List<ScbMonthlyFile.Participation> participations = registry.ofProject(projectId).stream()
                .map(record -> new ScbMonthlyFile.Participation(record.participant(), record.person()))
                .toList();
        ScbMonthlyFile file = ScbMonthlyFile.of(projectId, month, participations);
        audit.record(new AuditEntry(clock.instant(), caller.subject(), AuditAction.SCB_FILE, projectId, file.participantIds(),
                new AuditEntry.MonthlyFile(month, file.rows().size())));
        log.info("SCB participant file of project {} for {}: {} rows", projectId, month, file.rows().size());
        return file;
    }
}
