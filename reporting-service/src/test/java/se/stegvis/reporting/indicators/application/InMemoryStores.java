package se.stegvis.reporting.indicators.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.Fact;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;

/** Both stores in maps of immutable values, document by document as the MongoDB stores keep them. */
final class InMemoryStores implements ParticipantStore, ProjectStore {

    private final Map<String, ProjectedParticipant.Facts> participants = new HashMap<>();
    private final Map<String, Fact<RecordedActivity>> activities = new HashMap<>();
    private final Map<String, Fact<RecordedOutcome>> outcomes = new HashMap<>();
    private final Map<String, ProjectDefinition> projects = new TreeMap<>();
    private int failAfter = -1;
    private int saves;

    /** The next save stores this many documents, then fails, as a bulk write can. */
    void failAfter(int stored) {
        failAfter = stored;
    }

    /** How many saves were asked for. */
    int saves() {
        return saves;
    }

    /** How many documents are stored, of each kind together. */
    int documents() {
        return participants.size() + activities.size() + outcomes.size();
    }

    @Override
    public void save(Changes changes) {
        saves++;
        changes.activities().forEach(fact -> put(() -> activities.put(fact.id(), fact)));
        changes.outcomes().forEach(fact -> put(() -> outcomes.put(fact.id(), fact)));
        changes.participants().forEach(facts -> put(() -> participants.put(facts.participantId(), facts)));
    }

    private void put(Runnable write) {
        if (failAfter == 0) {
            failAfter = -1;
            throw new IllegalStateException("the store failed part-way");
        }
        if (failAfter > 0) {
            failAfter--;
        }
        write.run();
    }

    @Override
    public void load(Consumer<ProjectedParticipant> each) {
        Map<String, List<Fact<RecordedActivity>>> activitiesOf = new HashMap<>();
        activities.values().forEach(fact -> activitiesOf.computeIfAbsent(fact.participantId(), id -> new ArrayList<>()).add(fact));
        Map<String, List<Fact<RecordedOutcome>>> outcomesOf = new HashMap<>();
        outcomes.values().forEach(fact -> outcomesOf.computeIfAbsent(fact.participantId(), id -> new ArrayList<>()).add(fact));
        participants.values().forEach(facts -> each.accept(ProjectedParticipant.restored(facts,
                activitiesOf.getOrDefault(facts.participantId(), List.of()), outcomesOf.getOrDefault(facts.participantId(), List.of()))));
    }

    /** The stored participants of the project, read back as a restart would. */
    List<ProjectedParticipant> ofProject(String projectId) {
        List<ProjectedParticipant> found = new ArrayList<>();
        load(participant -> {
            if (projectId.equals(participant.projectId())) {
                found.add(participant);
            }
        });
        return found;
    }

    @Override
    public boolean isEmpty() {
        return participants.isEmpty();
    }

    @Override
    public boolean ofAnEarlierForm() {
        return false;
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
        activities.clear();
        outcomes.clear();
        projects.clear();
    }
}
