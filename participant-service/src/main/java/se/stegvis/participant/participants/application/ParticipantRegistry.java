package se.stegvis.participant.participants.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;

/**
 * Where participants are kept: their state with the events it causes in one atomic write, their personal data
 * sealed beside it. Implementations never store an identity number or a name in clear.
 */
public interface ParticipantRegistry {

    Optional<ParticipantRecord> find(UUID participantId);

    List<ParticipantRecord> ofProject(String projectId);

    /** The participant this person already is in this project, found without the number being stored in clear. */
    Optional<UUID> enrolledAs(String projectId, PersonalIdentityNumber number);

    Optional<IdempotentRequest> byIdempotencyKey(String key);

    /** Throws AlreadyEnrolled when the same person got in first through a concurrent request. */
    void add(Participant participant, PersonalData person, ParticipantEvent.Enrolled event, IdempotentRequest request);

    /**
     * Stores the new state and the event, only if the participant is still at {@code readRevision} and not erased;
     * the personal data is replaced when given, kept when null. The erased flag is never written here.
     *
     * @throws ParticipantErased if it was erased meanwhile (nothing is written, nothing published)
     * @throws ParticipantChangedConcurrently if another command changed it since it was read at {@code readRevision}
     */
    void update(Participant participant, PersonalData person, ParticipantEvent event, long readRevision);

    /**
     * Destroys the personal data (its key with it) and stores the erased state with its event. Wins over any change
     * read before it: it is conditional only on the participant not being erased yet.
     *
     * @throws ParticipantErased if another erasure got there first (nothing is written, nothing published)
     */
    void erase(Participant participant, ParticipantEvent.Erased event);

    /**
     * A participant as stored; the person is null once erased. {@code revision} counts the writes to it (0 for a new
     * participant and for one stored before revisions were counted): a change is written only at the revision read.
     */
    record ParticipantRecord(Participant participant, PersonalData person, long revision) {

        /** The same record without the personal data, as lists show shielded people. */
        public ParticipantRecord withoutPerson() {
            return new ParticipantRecord(participant, null, revision);
        }
    }

    /** An Idempotency-Key, the fingerprint of the request that first used it, and the participant it created. */
    record IdempotentRequest(String key, String requestFingerprint, UUID participantId) {
    }
}
