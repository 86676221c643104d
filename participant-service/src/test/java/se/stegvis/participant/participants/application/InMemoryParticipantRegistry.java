package se.stegvis.participant.participants.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.service.command.NotFound;

/**
 * The registry's contract in memory, for use-case tests: a change is stored only at the revision read and only while
 * the participant is not erased; an erasure only while not erased yet. Stored events stand for the outbox.
 */
public final class InMemoryParticipantRegistry implements ParticipantRegistry {

    private final Map<UUID, ParticipantRecord> stored = new HashMap<>();
    private final List<ParticipantEvent> events = new ArrayList<>();

    /** The events stored for the participant, in order: what the outbox would publish. */
    public List<ParticipantEvent> events(UUID participantId) {
        return events.stream().filter(event -> event.participantId().equals(participantId)).toList();
    }

    /** What is stored, the personal data included even after an erasure, if it were (wrongly) kept. */
    public ParticipantRecord stored(UUID participantId) {
        return stored.get(participantId);
    }

    @Override
    public Optional<ParticipantRecord> find(UUID participantId) {
        return Optional.ofNullable(stored.get(participantId));
    }

    @Override
    public List<ParticipantRecord> ofProject(String projectId) {
        return stored.values().stream().filter(record -> record.participant().projectId().equals(projectId)).toList();
    }

    @Override
    public Optional<UUID> enrolledAs(String projectId, PersonalIdentityNumber number) {
        return Optional.empty();
    }

    @Override
    public Optional<IdempotentRequest> byIdempotencyKey(String key) {
        return Optional.empty();
    }

    @Override
    public void add(Participant participant, PersonalData person, ParticipantEvent.Enrolled event, IdempotentRequest request) {
        stored.put(participant.id(), new ParticipantRecord(participant, person, 0));
        events.add(event);
    }

    @Override
    public void update(Participant participant, PersonalData person, ParticipantEvent event, long readRevision) {
        ParticipantRecord now = notErased(participant.id());
        if (now.revision() != readRevision) {
            throw new ParticipantChangedConcurrently(participant.id());
        }
        Participant changed = new Participant(participant.id(), participant.projectId(), participant.entryData(),
                participant.leftOn(), participant.leavingReason(), false);
        stored.put(participant.id(), new ParticipantRecord(changed, person == null ? now.person() : person, readRevision + 1));
        events.add(event);
    }

    @Override
    public void erase(Participant participant, ParticipantEvent.Erased event) {
        ParticipantRecord now = notErased(participant.id());
        stored.put(participant.id(), new ParticipantRecord(now.participant().withErasure(), null, now.revision() + 1));
        events.add(event);
    }

    private ParticipantRecord notErased(UUID participantId) {
        ParticipantRecord now = stored.get(participantId);
        if (now == null) {
            throw new NotFound("participant", participantId.toString());
        }
        if (now.participant().erased()) {
            throw new ParticipantErased(participantId);
        }
        return now;
    }
}
