package se.stegvis.reporting.indicators.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/** Both stores in maps, keeping states (not objects) so nothing is shared between a read and a write. */
final class InMemoryStores implements ParticipantStore, ProjectStore {

    private final Map<String, ProjectedParticipant.State> participants = new HashMap<>();
    private final Map<String, Long> revisions = new HashMap<>();
    private final Map<String, ProjectDefinition> projects = new TreeMap<>();
    private int failAfter = -1;

    @Override
    public Map<String, Stored> participants(Collection<String> participantIds) {
        Map<String, Stored> found = new HashMap<>();
        participantIds.stream().filter(participants::containsKey).forEach(id ->
                found.put(id, new Stored(new ProjectedParticipant(participants.get(id)), revisions.get(id))));
        return found;
    }

    /** The next save stores this many participants, then fails, as a bulk write can. */
    void failAfter(int stored) {
        failAfter = stored;
    }

    @Override
    public void save(List<Stored> changed) {
        for (Stored stored : changed) {
            if (failAfter-- == 0) {
                throw new IllegalStateException("the store failed part-way");
            }
            String id = stored.participant().participantId();
            if (revisions.getOrDefault(id, 0L) != stored.revision()) {
                throw new ConcurrentChange(id);
            }
            participants.put(id, stored.participant().state());
            revisions.put(id, stored.revision() + 1);
        }
    }

    @Override
    public List<ProjectedParticipant> ofProject(String projectId) {
        List<ProjectedParticipant> found = new ArrayList<>();
        participants.values().stream().filter(state -> projectId.equals(state.projectId()))
                .forEach(state -> found.add(new ProjectedParticipant(state)));
        return found;
    }

    @Override
    public void forEach(Consumer<ProjectedParticipant> action) {
        participants.values().forEach(state -> action.accept(new ProjectedParticipant(state)));
    }

    @Override
    public boolean isEmpty() {
        return participants.isEmpty();
    }

    @Override
    public boolean save(ProjectDefinition definition) {
        if (!definition.supersedes(projects.get(definition.projectId()))) {
            return false;
        }
        projects.put(definition.projectId(), definition);
        return true;
    }

    @Override
    public Optional<ProjectDefinition> project(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    @Override
    public List<ProjectDefinition> projects() {
        return List.copyOf(projects.values());
    }

    @Override
    public void clear() {
        participants.clear();
        revisions.clear();
        projects.clear();
    }
}
