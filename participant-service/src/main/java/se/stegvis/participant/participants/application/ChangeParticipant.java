package se.stegvis.participant.participants.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.command.NotFound;

/**
 * The commands on an enrolled participant: correct the entry data, leave, erase. For STAFF of the participant's
 * project only (anyone else is told the participant does not exist), each written to the audit trail.
 */
public class ChangeParticipant {

    private final ParticipantRegistry registry;
    private final ReadCatalogue catalogue;
    private final EventsPending eventsPending;
    private final AuditTrail audit;
    private final Clock clock;

    public ChangeParticipant(ParticipantRegistry registry, ReadCatalogue catalogue, EventsPending eventsPending, AuditTrail audit,
            Clock clock) {
        this.registry = registry;
        this.audit = audit;
        this.catalogue = catalogue;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /**
     * Corrects the entry data and, when given, the personal data (null keeps it); answers the participant as stored.
     * {@code readRevision} is the revision the caller read and merged the correction over: if the participant changed
     * since, the correction is refused (ParticipantChangedConcurrently) rather than written over the other change.
     */
    public ParticipantRecord correct(Caller caller, UUID participantId, long readRevision, PersonalData correctedPerson,
            EntryFacts facts) {
        ParticipantRecord record = existing(caller, participantId);
        if (record.revision() != readRevision) {
            throw new ParticipantChangedConcurrently(participantId);
        }
        PersonalData person = correctedPerson == null ? record.person() : correctedPerson;
        Participant participant = record.participant();
        ParticipantEvent.EntryDataCorrected event = participant.correct(
                catalogue.project(participant.projectId()), person, facts, clock.instant());
        Participant corrected = participant.corrected(event);
        registry.update(corrected, correctedPerson, event, readRevision);
        eventsPending.signal(participantId.toString());
        audited(caller, AuditAction.CORRECT, corrected.projectId(), participantId);
        return new ParticipantRecord(corrected, person, readRevision + 1);
    }

    /** Leaving, on the participant as read here; a change or erasure between the read and the write refuses it. */
    public void leave(Caller caller, UUID participantId, LocalDate leftOn, LeavingReason reason) {
        ParticipantRecord record = existing(caller, participantId);
        Participant participant = record.participant();
        ParticipantEvent.Left event = participant.leave(leftOn, reason, clock.instant());
        registry.update(participant.left(event), null, event, record.revision());
        eventsPending.signal(participantId.toString());
        audited(caller, AuditAction.LEAVE, participant.projectId(), participantId);
    }

    /** Erasure wins over any change that read the participant before it; a second erasure is ParticipantErased. */
    public void erase(Caller caller, UUID participantId) {
        Participant participant = existing(caller, participantId).participant();
        registry.erase(participant.withErasure(), participant.erase(clock.instant()));
        eventsPending.signal(participantId.toString());
        audited(caller, AuditAction.ERASE, participant.projectId(), participantId);
    }

    /**
     * The participant a command is for, if it exists, is not erased and the caller is STAFF of its project; for
     * anyone else it does not exist. Not audited by itself: the command that follows is.
     */
    public ParticipantRecord existing(Caller caller, UUID participantId) {
        ParticipantRecord record = registry.find(participantId)
                .filter(found -> caller.isStaffOf(found.participant().projectId()))
                .orElseThrow(() -> new NotFound("participant", participantId.toString()));
        if (record.participant().erased()) {
            throw new ParticipantErased(participantId);
        }
        return record;
    }

    private void audited(Caller caller, AuditAction action, String projectId, UUID participantId) {
        audit.record(AuditEntry.of(clock.instant(), caller.subject(), action, projectId, participantId));
    }
}
