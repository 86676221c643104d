package se.stegvis.reporting.indicators.application;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;

/**
 * Applies batches of events to the read model. Participants change in the {@link WorkingState}, in memory (each event
 * idempotently, in any order, see {@link ProjectedParticipant}), the {@link IndicatorTally} moves each changed
 * participant's contribution, and the subscribers hear which projects changed: a batch costs no store access. What
 * changed is written to the store later, at a checkpoint ({@link #takeChanges()}, {@link #store}), after which the
 * caller commits the offsets of every batch applied before it; until then a restart replays those batches over the
 * last checkpoint, which gives the same state. Project definitions, few and rare, are written at once.
 */
public final class IndicatorProjection {

    private final WorkingState state;
    private final ParticipantStore participants;
    private final ProjectStore projects;
    private final IndicatorTally tally;
    private final List<ViewChanges> subscribers = new CopyOnWriteArrayList<>();

    public IndicatorProjection(WorkingState state, ParticipantStore participants, ProjectStore projects, IndicatorTally tally) {
        this.state = state;
        this.participants = participants;
        this.projects = projects;
        this.tally = tally;
    }

    public void subscribe(ViewChanges subscriber) {
        subscribers.add(subscriber);
    }

    /** Returns the projects whose figures may have changed. */
    public Set<String> apply(List<? extends ProjectionEvent> batch) {
        Set<String> changed = new LinkedHashSet<>();
        synchronized (tally) {
            try {
                state.load();
                for (ProjectionEvent event : batch) {
                    if (event instanceof ProjectDefinition definition && define(definition)) {
                        changed.add(definition.projectId());
                    }
                }
                changed.addAll(applyToParticipants(batch.stream().filter(ParticipantEvent.class::isInstance)
                        .map(ParticipantEvent.class::cast).toList()));
            } catch (RuntimeException e) {
                tally.forget();
                throw e;
            }
        }
        if (!changed.isEmpty()) {
            Set<String> told = Set.copyOf(changed);
            subscribers.forEach(subscriber -> subscriber.changed(told));
        }
        return changed;
    }

    /** A later definition than the one held is stored at once, then counted under. */
    private boolean define(ProjectDefinition definition) {
        if (!projects.save(definition)) {
            return false;
        }
        state.defined(definition);
        tally.defined(definition);
        return true;
    }

    private Set<String> applyToParticipants(List<ParticipantEvent> events) {
        if (!tally.keepsRunningCounts()) {
            return applyUncounted(events);
        }
        Map<String, IndicatorTally.Contribution> before = new HashMap<>();
        Map<String, ProjectedParticipant> touched = new LinkedHashMap<>();
        Set<String> changedProjects = new LinkedHashSet<>();
        for (ParticipantEvent event : events) {
            ProjectedParticipant participant = state.participant(event.participantId());
            before.computeIfAbsent(event.participantId(), id -> tally.contribution(participant));
            if (participant.apply(event)) {
                state.changedBy(event);
                touched.put(event.participantId(), participant);
                changedProjects.add(participant.projectId());
            }
        }
        touched.forEach((id, now) -> tally.changed(before.get(id), now));
        return changedProjects;
    }

    /** No running counts are kept (none made yet, or a replay is under way): the next view counts afresh. */
    private Set<String> applyUncounted(List<ParticipantEvent> events) {
        Set<String> changedProjects = new HashSet<>();
        for (ParticipantEvent event : events) {
            ProjectedParticipant participant = state.participant(event.participantId());
            if (participant.apply(event)) {
                state.changedBy(event);
                changedProjects.add(participant.projectId());
            }
        }
        if (!changedProjects.isEmpty()) {
            tally.forget();
        }
        return changedProjects;
    }

    /**
     * The replay from the start has reached the end offsets it began with: running counts are kept from now on (none
     * are during a replay, see {@link IndicatorTally}). Harmless when no replay was under way.
     */
    public void replayed() {
        synchronized (tally) {
            tally.replayed();
        }
    }

    /** What changed since the last checkpoint, as it is now, for the next one; none while nothing did. */
    public ParticipantStore.Changes takeChanges() {
        synchronized (tally) {
            return state.takeChanges();
        }
    }

    /** Writes a checkpoint's changes; any thread, one checkpoint at a time. Throws while the store cannot take them. */
    public void store(ParticipantStore.Changes changes) {
        if (!changes.isEmpty()) {
            participants.save(changes);
        }
    }

    /** A checkpoint failed: its changes go to the next one. */
    public void putBack(ParticipantStore.Changes changes) {
        synchronized (tally) {
            state.putBack(changes);
        }
    }

    /** True when the store holds no project and no participant (new, or thrown away), or holds an earlier form of them. */
    public boolean needsReplay() {
        return projects.projects().isEmpty() && participants.isEmpty() || participants.ofAnEarlierForm();
    }

    /** Empties the read model, store and working state, for a replay from the start. */
    public void clear() {
        synchronized (tally) {
            try {
                participants.clear();
                projects.clear();
                state.cleared();
                tally.cleared();
            } catch (RuntimeException e) {
                tally.forget();
                throw e;
            }
        }
    }
}
