package se.stegvis.reporting.indicators.application;

import java.util.ArrayList;
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
 * (idempotently, in any order, see {@link ProjectedParticipant}) and written back one document each, then the
 * subscribers hear which projects changed. A failure leaves nothing half-counted: every document either has an event
 * with its effect or neither, so applying the batch again is safe.
 */
public final class IndicatorProjection {

    private final ParticipantStore participants;
    private final ProjectStore projects;
    private final List<ViewChanges> subscribers = new CopyOnWriteArrayList<>();

    public IndicatorProjection(ParticipantStore participants, ProjectStore projects) {
        this.participants = participants;
        this.projects = projects;
    }

    public void subscribe(ViewChanges subscriber) {
        subscribers.add(subscriber);
    }

    /** Returns the projects whose figures may have changed. */
    public Set<String> apply(List<? extends ProjectionEvent> batch) {
        Set<String> changed = new LinkedHashSet<>();
        for (ProjectionEvent event : batch) {
            if (event instanceof ProjectDefinition definition && projects.save(definition)) {
                changed.add(definition.projectId());
            }
        }
        changed.addAll(applyToParticipants(batch.stream().filter(ParticipantEvent.class::isInstance)
                .map(ParticipantEvent.class::cast).toList()));
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
        Map<String, ParticipantStore.Stored> touched = new LinkedHashMap<>();
        Set<String> changedProjects = new LinkedHashSet<>();
        for (ParticipantEvent event : events) {
            ParticipantStore.Stored current = touched.getOrDefault(event.participantId(), stored.getOrDefault(event.participantId(),
                    new ParticipantStore.Stored(ProjectedParticipant.unknown(event.participantId()), 0)));
            if (current.participant().apply(event)) {
                touched.put(event.participantId(), current);
                changedProjects.add(current.participant().projectId());
            }
        }
        participants.save(new ArrayList<>(touched.values()));
        return changedProjects;
    }

    /** Empties the read model, for a replay from the start. */
    public void clear() {
        participants.clear();
        projects.clear();
    }
}
