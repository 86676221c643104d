package se.stegvis.reporting.indicators.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.Fact;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;

/**
 * The projection's working state: every participant and project, in memory, read from the store once (at the first
 * batch or view) and changed in memory from then on; and what changed since the last checkpoint, by id, for the next
 * one. The store is the checkpoint the state starts from, so a change costs no read of the store, and a batch no write
 * (as Kafka Streams keeps a state store with a changelog; here the topics themselves are the changelog, replayed from
 * the offsets committed with the last checkpoint).
 *
 * <p>Not thread-safe: the {@link IndicatorTally}'s lock guards it (held by {@link IndicatorProjection} and the tally).
 */
public final class WorkingState {

    private final ParticipantStore participantStore;
    private final ProjectStore projectStore;
    private Map<String, ProjectedParticipant> participants;
    private final Map<String, ProjectDefinition> projects = new TreeMap<>();
    private final Set<String> changedParticipants = new HashSet<>();
    /** Changed activities and outcomes: their id, and whose they are. */
    private final Map<String, String> changedActivities = new HashMap<>();
    private final Map<String, String> changedOutcomes = new HashMap<>();
    /** Participants met since the store was read or emptied and in no checkpoint taken since: the store has nothing of them. */
    private final Set<String> unstored = new HashSet<>();
    /**
     * Since the store was emptied (for a replay) no checkpoint was taken: the next one holds everything, and nothing is
     * noted event by event meanwhile (in a replay nearly every event changes its participant, and noting each one cost
     * a tenth of the replay's time).
     */
    private boolean allChanged;

    public WorkingState(ParticipantStore participantStore, ProjectStore projectStore) {
        this.participantStore = participantStore;
        this.projectStore = projectStore;
    }

    /** Reads the store once, if it was not read yet; throws while the store cannot be read (and reads it next time). */
    void load() {
        if (participants != null) {
            return;
        }
        Map<String, ProjectedParticipant> read = new HashMap<>();
        participantStore.load(participant -> read.put(participant.participantId(), participant));
        List<ProjectDefinition> definitions = projectStore.projects();
        projects.clear();
        definitions.forEach(project -> projects.put(project.projectId(), project));
        participants = read;
        unstored.clear();
    }

    Collection<ProjectedParticipant> participants() {
        load();
        return participants.values();
    }

    ProjectedParticipant participant(String participantId) {
        load();
        ProjectedParticipant known = participants.get(participantId);
        if (known != null) {
            return known;
        }
        ProjectedParticipant met = ProjectedParticipant.unknown(participantId);
        participants.put(participantId, met);
        if (!allChanged) {
            unstored.add(participantId);
        }
        return met;
    }

    /** The defined projects, by id. */
    Collection<ProjectDefinition> projects() {
        load();
        return projects.values();
    }

    boolean defines(String projectId) {
        load();
        return projects.containsKey(projectId);
    }

    void defined(ProjectDefinition project) {
        load();
        projects.put(project.projectId(), project);
    }

    /** The event changed its participant: their facts, and the activity or outcome it names, go to the next checkpoint. */
    void changedBy(ParticipantEvent event) {
        if (allChanged) {
            return;
        }
        changedParticipants.add(event.participantId());
        if (event instanceof ParticipantEvent.ActivityRecorded recorded) {
            changedActivities.put(recorded.activity().activityId(), event.participantId());
        } else if (event instanceof ParticipantEvent.ActivityRetracted retracted) {
            changedActivities.put(retracted.activityId(), event.participantId());
        } else if (event instanceof ParticipantEvent.OutcomeRecorded recorded) {
            changedOutcomes.put(recorded.outcome().outcomeId(), event.participantId());
        } else if (event instanceof ParticipantEvent.OutcomeRetracted retracted) {
            changedOutcomes.put(retracted.outcomeId(), event.participantId());
        }
    }

    /**
     * What changed since the last call, as it is now; forgotten here until {@link #putBack(ParticipantStore.Changes)}.
     * Its participants count as stored from now on, whether the write succeeds or not: replacing is right either way.
     */
    ParticipantStore.Changes takeChanges() {
        if (allChanged) {
            return takeEverything();
        }
        if (participants == null || changedParticipants.isEmpty() && changedActivities.isEmpty() && changedOutcomes.isEmpty()) {
            return ParticipantStore.Changes.NONE;
        }
        List<ProjectedParticipant.Facts> facts = new ArrayList<>(changedParticipants.size());
        Set<String> firstWritten = new HashSet<>();
        changedParticipants.forEach(id -> {
            facts.add(participants.get(id).facts());
            if (unstored.remove(id)) {
                firstWritten.add(id);
            }
        });
        List<Fact<RecordedActivity>> activities = new ArrayList<>(changedActivities.size());
        changedActivities.forEach((id, participantId) -> activities.add(participants.get(participantId).activity(id)));
        List<Fact<RecordedOutcome>> outcomes = new ArrayList<>(changedOutcomes.size());
        changedOutcomes.forEach((id, participantId) -> outcomes.add(participants.get(participantId).outcome(id)));
        changedParticipants.clear();
        changedActivities.clear();
        changedOutcomes.clear();
        return new ParticipantStore.Changes(facts, activities, outcomes, firstWritten);
    }

    /** Every participant, activity and outcome, none of which the store holds: the first checkpoint after emptying it. */
    private ParticipantStore.Changes takeEverything() {
        allChanged = false;
        if (participants.isEmpty()) {
            return ParticipantStore.Changes.NONE;
        }
        List<ProjectedParticipant.Facts> facts = new ArrayList<>(participants.size());
        List<Fact<RecordedActivity>> activities = new ArrayList<>();
        List<Fact<RecordedOutcome>> outcomes = new ArrayList<>();
        for (ProjectedParticipant participant : participants.values()) {
            facts.add(participant.facts());
            activities.addAll(participant.activities());
            outcomes.addAll(participant.outcomes());
        }
        return new ParticipantStore.Changes(facts, activities, outcomes, Set.copyOf(participants.keySet()));
    }

    /**
     * A checkpoint of these changes failed: they go to the next one (as they are by then), but for participants no
     * longer held (the state was cleared meanwhile).
     */
    void putBack(ParticipantStore.Changes changes) {
        if (participants == null) {
            return;
        }
        changes.participants().stream().map(ProjectedParticipant.Facts::participantId).filter(participants::containsKey)
                .forEach(changedParticipants::add);
        changes.activities().stream().filter(fact -> participants.containsKey(fact.participantId()))
                .forEach(fact -> changedActivities.put(fact.id(), fact.participantId()));
        changes.outcomes().stream().filter(fact -> participants.containsKey(fact.participantId()))
                .forEach(fact -> changedOutcomes.put(fact.id(), fact.participantId()));
    }

    /** True while changes wait for a checkpoint. */
    boolean changed() {
        return allChanged && !participants.isEmpty() || !changedParticipants.isEmpty() || !changedActivities.isEmpty() || !changedOutcomes.isEmpty();
    }

    /** The store was emptied: so is the state, and nothing waits for a checkpoint. */
    void cleared() {
        participants = new HashMap<>();
        projects.clear();
        changedParticipants.clear();
        changedActivities.clear();
        changedOutcomes.clear();
        unstored.clear();
        allChanged = true;
    }
}
