package se.stegvis.participant.participants.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.participant.participants.domain.Protection;
import se.stegvis.service.command.NotFound;

/**
 * Reads participants, for STAFF of their project only, and writes each read and each list to the audit trail
 * before the data leaves: who, when, which participants; never the data. A list never carries the personal data of
 * a person with any protection level; their record is read one by one, and audited.
 */
public class ReadParticipants {

    private final ParticipantRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    public ReadParticipants(ParticipantRegistry registry, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The participant with personal data. To anyone but STAFF of the participant's project the answer is the same
     * as for an id that does not exist: a 403 would confirm that the person is enrolled somewhere.
     */
    public ParticipantRecord one(Caller caller, UUID participantId) {
        ParticipantRecord record = registry.find(participantId)
                .filter(found -> caller.isStaffOf(found.participant().projectId()))
                .orElseThrow(() -> new NotFound("participant", participantId.toString()));
        if (record.participant().erased()) {
            throw new ParticipantErased(participantId);
        }
        audit.record(AuditEntry.of(clock.instant(), caller.subject(), AuditAction.READ, record.participant().projectId(), participantId));
        return record;
    }

    /** The project's participants, for its STAFF; erased participants are not listed. */
    public List<ParticipantRecord> ofProject(Caller caller, String projectId) {
        caller.require(caller.isStaffOf(projectId), "list the participants of project " + projectId);
        List<ParticipantRecord> listed = registry.ofProject(projectId).stream()
                .filter(record -> !record.participant().erased())
                .map(record -> record.person().protection() == Protection.NONE ? record : record.withoutPerson())
                .toList();
        audit.record(new AuditEntry(clock.instant(), caller.subject(), AuditAction.LIST, projectId,
                listed.stream().map(record -> record.participant().id()).toList()));
        return listed;
    }
}
