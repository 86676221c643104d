package se.stegvis.reporting.indicators.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.stegvis.reporting.indicators.domain.CountedParticipant;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.ProjectCounts;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/**
 * The figures of every project, kept as running counts so a view costs no walk over the participants. The
 * projection tells it, after each applied batch, what each changed participant counted as before and counts as now.
 * It counts from the {@link WorkingState} when first asked, when a project's definition changes (its targets may count
 * differently) and after a batch that failed part-way.
 *
 * <p>It knows only what this instance's projection applies: one reporting-service instance per read model (see
 * docs/decisions/0009). The object is also the lock that keeps the working state and its counts together.
 */
public final class IndicatorTally {

    /** What a participant counted as, and where: taken before a batch changes them. */
    public record Contribution(String projectId, CountedParticipant counted) {
    }

    private final WorkingState state;
    private final IndicatorEngine engine;
    private Map<String, ProjectCounts> counts;

    public IndicatorTally(WorkingState state, IndicatorEngine engine) {
        this.state = state;
        this.engine = engine;
    }

    Contribution contribution(ProjectedParticipant participant) {
        return new Contribution(participant.projectId(), participant.counted(engine.catalogue()));
    }

    /** The figures of one project, empty if it is not defined (yet). */
    public synchronized Optional<ProjectFigures> figures(String projectId) {
        return Optional.ofNullable(counted().get(projectId)).map(ProjectCounts::figures);
    }

    /** The figures of every defined project, by project id. */
    public synchronized List<ProjectFigures> figures() {
        Map<String, ProjectCounts> all = counted();
        return state.projects().stream().map(ProjectDefinition::projectId).filter(all::containsKey)
                .map(id -> all.get(id).figures()).toList();
    }

    /** A participant of the applied batch moved from what they counted as before to what they count as now. */
    synchronized void changed(Contribution before, ProjectedParticipant now) {
        if (counts == null) {
            return; // counted from the working state, which already holds the change, when next asked
        }
        if (before.projectId() != null && counts.containsKey(before.projectId())) {
            counts.get(before.projectId()).remove(before.counted());
        }
        if (now.projectId() != null && counts.containsKey(now.projectId())) {
            counts.get(now.projectId()).add(now.counted(engine.catalogue()), now.lastOccurredAt());
        }
    }

    /** The project's definition changed: its counts are made again under it. */
    synchronized void defined(ProjectDefinition project) {
        if (counts != null) {
            counts.put(project.projectId(), count(project));
        }
    }

    /** A batch failed part-way: count from the working state when next asked. */
    synchronized void forget() {
        counts = null;
    }

    /** The working state was emptied. */
    synchronized void cleared() {
        counts = new HashMap<>();
    }

    private ProjectCounts count(ProjectDefinition project) {
        ProjectCounts fresh = engine.counts(project);
        state.participants().stream().filter(p -> project.projectId().equals(p.projectId()))
                .forEach(p -> fresh.add(p.counted(engine.catalogue()), p.lastOccurredAt()));
        return fresh;
    }

    private Map<String, ProjectCounts> counted() {
        if (counts == null) {
            Map<String, ProjectCounts> fresh = new HashMap<>();
            state.projects().forEach(project -> fresh.put(project.projectId(), engine.counts(project)));
            state.participants().forEach(p -> {
                ProjectCounts project = fresh.get(p.projectId());
                if (project != null) {
                    project.add(p.counted(engine.catalogue()), p.lastOccurredAt());
                }
            });
            counts = fresh;
        }
        return counts;
    }
}
