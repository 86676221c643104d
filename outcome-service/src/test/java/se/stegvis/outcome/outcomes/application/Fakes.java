package se.stegvis.outcome.outcomes.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;

/** In-memory stand-ins for the replica and the store, keeping the events a real store would put in its outbox. */
final class Fakes {

    private Fakes() {
    }

    static final class KnownFacts implements ParticipantFacts {

        final Map<UUID, Participant> participants = new LinkedHashMap<>();
        final Map<String, Project> projects = new LinkedHashMap<>();

        KnownFacts with(Project project) {
            projects.put(project.id(), project);
            return this;
        }

        KnownFacts with(Participant participant) {
            participants.put(participant.id(), participant);
            return this;
        }

        /** Reads of a participant: each is a round trip to the replica's store in the service. */
        int participantReads;

        @Override
        public Optional<Participant> participant(UUID participantId) {
            participantReads++;
            return Optional.ofNullable(participants.get(participantId));
        }

        @Override
        public Optional<Project> project(String projectId) {
            return Optional.ofNullable(projects.get(projectId));
        }

        @Override
        public List<Participant> leftParticipantsOf(String projectId) {
            return participants.values().stream()
                    .filter(p -> p.projectId().equals(projectId) && p.leftOn() != null && !p.erased()).toList();
        }
    }

    static final class StoredOutcomes implements OutcomeStore {

        final Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
        final List<OutcomeEvent> outbox = new ArrayList<>();
        final Map<String, UUID> keys = new LinkedHashMap<>();

        @Override
        public void add(OutcomeEvent.Recorded recorded, String idempotencyKey) {
            if (idempotencyKey != null && keys.containsKey(idempotencyKey)) {
                throw new IdempotencyKeyTaken();
            }
            outcomes.put(recorded.outcomeId(), Outcome.recorded(recorded));
            if (idempotencyKey != null) {
                keys.put(idempotencyKey, recorded.outcomeId());
            }
            outbox.add(recorded);
        }

        @Override
        public Optional<Outcome> byIdempotencyKey(String key) {
            return Optional.ofNullable(keys.get(key)).map(outcomes::get);
        }

        @Override
        public Optional<Outcome> find(UUID outcomeId) {
            return Optional.ofNullable(outcomes.get(outcomeId));
        }

        @Override
        public boolean retract(OutcomeEvent.Retracted retracted) {
            Outcome outcome = outcomes.get(retracted.outcomeId());
            if (outcome == null || outcome.retracted()) {
                return false;
            }
            outcomes.put(outcome.id(), new Outcome(outcome.id(), outcome.participantId(), outcome.projectId(), outcome.type(),
                    outcome.date(), outcome.followUp(), true));
            outbox.add(retracted);
            return true;
        }

        @Override
        public List<Outcome> currentOf(Collection<UUID> participantIds) {
            return outcomes.values().stream().filter(o -> participantIds.contains(o.participantId()) && !o.retracted()).toList();
        }
    }
}
