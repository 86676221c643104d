package se.stegvis.participant.participants.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.participants.application.ParticipantRegistry.IdempotentRequest;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.service.command.EventsPending;

/**
 * Enrols a person in a project: for STAFF of that project, validated, stored with its event in one write, written
 * to the audit trail, answered with a random id.
 */
public class EnrolParticipant {

    private final ParticipantRegistry registry;
    private final ReadCatalogue catalogue;
    private final EventsPending eventsPending;
    private final RequestFingerprints fingerprints;
    private final AuditTrail audit;
    private final Clock clock;

    public EnrolParticipant(ParticipantRegistry registry, ReadCatalogue catalogue, EventsPending eventsPending,
            RequestFingerprints fingerprints, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.audit = audit;
        this.fingerprints = fingerprints;
        this.catalogue = catalogue;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /**
     * The participant id; a retry with the same Idempotency-Key (null for none) answers the first enrolment's. The
     * same person twice in a project is caught by the store's unique fingerprint (AlreadyEnrolled), in the same
     * write, so there is no separate look-up and no race between looking and writing. A retry that raced its own
     * first request (both found no earlier answer, the first one's write won) is still answered with the first
     * enrolment: the store's refusal is checked against the Idempotency-Key before it becomes a 409.
     */
    public UUID enrol(Caller caller, String projectId, PersonalData person, EntryFacts facts, String idempotencyKey) {
        catalogue.project(projectId);
        caller.require(caller.isStaffOf(projectId), "enrol participants in project " + projectId);
        String requestFingerprint = idempotencyKey == null ? null : fingerprints.of(canonical(projectId, person, facts));
        Optional<UUID> replayed = replay(idempotencyKey, requestFingerprint);
        if (replayed.isPresent()) {
            return replayedAudited(caller, projectId, replayed.get());
        }
        Project project = catalogue.project(projectId);
        UUID participantId = UUID.randomUUID();
        ParticipantEvent.Enrolled event = Participant.enrol(participantId, project, person, facts, clock.instant());
        try {
            registry.add(Participant.enrolled(event), person, event,
                    new IdempotentRequest(idempotencyKey, requestFingerprint, participantId), entry(caller, projectId, participantId));
        } catch (AlreadyEnrolled | IdempotencyKeyReused refused) {
            Optional<UUID> sameRequestFirst = replay(idempotencyKey, requestFingerprint);
            if (sameRequestFirst.isPresent()) {
                return replayedAudited(caller, projectId, sameRequestFirst.get());
            }
            throw refused;
        }
        eventsPending.signal(participantId.toString());
        return participantId;
    }

    /** A new enrolment's entry goes in the same write as the enrolment; a replayed one's is written on its own. */
    private UUID replayedAudited(Caller caller, String projectId, UUID participantId) {
        audit.record(entry(caller, projectId, participantId));
        return participantId;
    }

    private AuditEntry entry(Caller caller, String projectId, UUID participantId) {
        return AuditEntry.of(clock.instant(), caller.subject(), AuditAction.ENROL, projectId, participantId);
    }

    private static String canonical(String projectId, PersonalData person, EntryFacts facts) {
        return String.join("\u0000", projectId, person.personalIdentityNumber().canonical(), person.givenName(),
                person.familyName(), person.protection().name(), facts.toString());
    }

    private Optional<UUID> replay(String idempotencyKey, String requestFingerprint) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return registry.byIdempotencyKey(idempotencyKey).map(first -> {
            if (!first.requestFingerprint().equals(requestFingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return first.participantId();
        });
    }
}
