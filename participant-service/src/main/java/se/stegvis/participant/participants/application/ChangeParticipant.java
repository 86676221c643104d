package se.stegvis.participant.participants.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import se.stegvis.participant.catalogue.application.ReadCatalogue;
import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.command.NotFound;

/** The commands on an enrolled participant: correct the entry data, leave, erase. */
public class ChangeParticipant {

    private final ParticipantRegistry registry;
    private final ReadCatalogue catalogue;
    private final EventsPending eventsPending;
    private final Clock clock;

    public ChangeParticipant(ParticipantRegistry registry, ReadCatalogue catalogue, EventsPending eventsPending, Clock clock) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.eventsPending = eventsPending;
        this.clock = clock;
    }

    /**
     * Corrects the entry data and, when given, the personal data (null keeps it); answers the participant as stored.
     * {@code readRevision} is the revision the caller read and merged the correction over: if the participant changed
     * since, the correction is refused (ParticipantChangedConcurrently) rather than written over the other change.
     */
    public ParticipantRecord correct(UUID participantId, long readRevision, PersonalData correctedPerson, EntryFacts facts) {
        ParticipantRecord record = existing(participantId);
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
        return new ParticipantRecord(corrected, person, readRevision + 1);
    }

    /** Leaving, on the participant as read here; a change or erasure between the read and the write refuses it. */
    public void leave(UUID participantId, LocalDate leftOn, LeavingReason reason) {
        ParticipantRecord record = existing(participantId);
        Participant participant = record.participant();
        ParticipantEvent.Left event = participant.leave(leftOn, reason, clock.instant());
        registry.update(participant.left(event), null, event, record.revision());
        eventsPending.signal(participantId.toString());
    }

    /** Erasure wins over any change that read the participant before it; a second erasure is ParticipantErased. */
    public void erase(UUID participantId) {
        Participant participant = existing(participantId).participant();
        registry.erase(participant.withErasure(), participant.erase(clock.instant()));
        eventsPending.signal(participantId.toString());
    }

    /** The participant, if it exists and is not erased. */
    ParticipantRecord existing(UUID participantId) {
        ParticipantRecord record = registry.find(participantId).orElseThrow(() -> new NotFound("participant", participantId.toString()));
        if (record.participant().erased()) {
            throw new ParticipantErased(participantId);
        }
        return record;
    }
}
