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

    /** Stores the new state and the event; the personal data is replaced when given, kept when null. */
    void update(Participant participant, PersonalData person, ParticipantEvent event);

    /** Destroys the personal data (its key first) and stores the erased state with its event. */
    void erase(Participant participant, ParticipantEvent.Erased event);

    /** A participant as stored; the person is null once erased. */
    record ParticipantRecord(Participant participant, PersonalData person) {
    }

    /** An Idempotency-Key, the fingerprint of the request that first used it, and the participant it created. */
    record IdempotentRequest(String key, String requestFingerprint, UUID participantId) {
    }
}
