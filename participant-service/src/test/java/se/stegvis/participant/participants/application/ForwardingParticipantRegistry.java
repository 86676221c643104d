package se.stegvis.participant.participants.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;

/** A registry that hands every call to another one; tests override the one call they change. */
public abstract class ForwardingParticipantRegistry implements ParticipantRegistry {

    private final ParticipantRegistry store;

    protected ForwardingParticipantRegistry(ParticipantRegistry store) {
        this.store = store;
    }

    @Override
    public Optional<ParticipantRecord> find(UUID participantId) {
        return store.find(participantId);
    }

    @Override
    public List<ParticipantRecord> ofProject(String projectId) {
        return store.ofProject(projectId);
    }

    @Override
    public Optional<UUID> enrolledAs(String projectId, PersonalIdentityNumber number) {
        return store.enrolledAs(projectId, number);
    }

    @Override
    public Optional<IdempotentRequest> byIdempotencyKey(String key) {
        return store.byIdempotencyKey(key);
    }

    @Override
    public void add(Participant participant, PersonalData person, ParticipantEvent.Enrolled event, IdempotentRequest request) {
        store.add(participant, person, event, request);
    }

    @Override
    public void update(Participant participant, PersonalData person, ParticipantEvent event, long readRevision) {
        store.update(participant, person, event, readRevision);
    }

    @Override
    public void erase(Participant participant, ParticipantEvent.Erased event) {
        store.erase(participant, event);
    }
}
