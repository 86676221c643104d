package se.stegvis.reporting.indicators.application;

import java.util.ArrayList;
import java.util.HashMap;
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
 * Applies a batch of events to the read model: the participants it touches are read in one go, changed in memory
 * (idempotently, in any order, see {@link ProjectedParticipant}) and written back one document each, the
 * {@link IndicatorTally} moves each changed participant's contribution, then the subscribers hear which projects
 * changed. A failure leaves nothing half-counted: every document either has an event with its effect or neither, so
 * applying the batch again is safe; the tally, which cannot tell which documents of a failed batch were stored,
 * counts again from the store.
 */
public final class IndicatorProjection {

    private final ParticipantStore participants;
    private final ProjectStore projects;
    private final IndicatorTally tally;
    private final List<ViewChanges> subscribers = new CopyOnWriteArrayList<>();

    public IndicatorProjection(ParticipantStore participants, ProjectStore projects, IndicatorTally tally) {
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
                for (ProjectionEvent event : batch) {
                    if (event instanceof ProjectDefinition definition && projects.save(definition)) {
                        tally.defined(definition);
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

    private Set<String> applyToParticipants(List<ParticipantEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.participantId()));
        Map<String, ParticipantStore.Stored> stored = participants.participants(ids);
        Map<String, ParticipantStore.Stored> working = new LinkedHashMap<>();
        Map<String, IndicatorTally.Contribution> before = new HashMap<>();
        Map<String, ParticipantStore.Stored> touched = new LinkedHashMap<>();
        Set<String> changedProjects = new LinkedHashSet<>();
        for (ParticipantEvent event : events) {
            String id = event.participantId();
            ParticipantStore.Stored current = working.computeIfAbsent(id, key -> stored.getOrDefault(key,
                    new ParticipantStore.Stored(ProjectedParticipant.unknown(key), 0)));
            before.computeIfAbsent(id, key -> tally.contribution(current.participant()));
            if (current.participant().apply(event)) {
                touched.put(id, current);
                changedProjects.add(current.participant().projectId());
            }
        }
        participants.save(new ArrayList<>(touched.values()));
        touched.forEach((id, now) -> tally.changed(before.get(id), now.participant()));
        return changedProjects;
    }

    /** True when the read model holds no project and no participant: new, or thrown away. */
    public boolean isEmpty() {
        return projects.projects().isEmpty() && participants.isEmpty();
    }

    /** Empties the read model, for a replay from the start. */
    public void clear() {
        synchronized (tally) {
            try {
                participants.clear();
                projects.clear();
                tally.cleared();
            } catch (RuntimeException e) {
                tally.forget();
                throw e;
            }
        }
    }
}
