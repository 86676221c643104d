package se.stegvis.participant.catalogue.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;

/**
 * The catalogue held in memory for reads: every enrolment and correction reads its project, and projects change a
 * few times a year. This instance's own writes refresh it at once; another instance's are seen within the refresh
 * interval.
 */
public class CachedProjectCatalogue implements ProjectCatalogue {

    private final ProjectCatalogue store;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Snapshot snapshot;

    public CachedProjectCatalogue(ProjectCatalogue store, Clock clock, Duration refreshInterval) {
        this.store = store;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public Optional<Project> find(String projectId) {
        return Optional.ofNullable(current().byId().get(projectId));
    }

    @Override
    public List<Project> all() {
        return current().all();
    }

    @Override
    public boolean store(ProjectDefinition definition) {
        boolean created = store.store(definition);
        snapshot = null;
        return created;
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        Instant now = clock.instant();
        if (held == null || now.isAfter(held.readAt().plus(refreshInterval))) {
            List<Project> all = store.all();
            held = new Snapshot(now, all, all.stream().collect(Collectors.toUnmodifiableMap(Project::id, Function.identity())));
            snapshot = held;
        }
        return held;
    }

    private record Snapshot(Instant readAt, List<Project> all, Map<String, Project> byId) {
    }
}
