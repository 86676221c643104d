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
 * The figures of every project, kept as running counts in memory so a view costs no read of the participants. The
 * projection tells it, after each stored batch, what each changed participant counted as before and counts as now.
 * It counts from the store when it starts, when a project's definition changes (its targets may count differently)
 * and after a failed batch (some documents of the batch may be stored, so the counts are no longer known to match).
 *
 * <p>It knows only what this instance's projection writes: one reporting-service instance per read model (see
 * docs/decisions/0005). The object is also the lock that keeps a store write and its count change together.
 */
public final class IndicatorTally {

    /** What a participant counted as, and where: taken before a batch changes them. */
    public record Contribution(String projectId, CountedParticipant counted) {
    }

    private final ParticipantStore participants;
    private final ProjectStore projects;
    private final IndicatorEngine engine;
    private Map<String, ProjectCounts> counts;

    public IndicatorTally(ParticipantStore participants, ProjectStore projects, IndicatorEngine engine) {
        this.participants = participants;
        this.projects = projects;
        this.engine = engine;
    }

    public Contribution contribution(ProjectedParticipant participant) {
        return new Contribution(participant.projectId(), participant.counted(engine.catalogue()));
    }

    /** The figures of one project, empty if it is not defined (yet). */
    public synchronized Optional<ProjectFigures> figures(String projectId) {
        return Optional.ofNullable(counted().get(projectId)).map(ProjectCounts::figures);
    }

    /** The figures of every defined project, in the project store's order. */
    public synchronized List<ProjectFigures> figures() {
        Map<String, ProjectCounts> all = counted();
        return projects.projects().stream().map(ProjectDefinition::projectId).filter(all::containsKey)
                .map(id -> all.get(id).figures()).toList();
    }

    /** A participant of the stored batch moved from what they counted as before to what they count as now. */
    synchronized void changed(Contribution before, ProjectedParticipant now) {
        if (counts == null) {
            return; // counted from the store, which already holds the change, when next asked
        }
        if (before.projectId() != null && counts.containsKey(before.projectId())) {
            counts.get(before.projectId()).remove(before.counted());
        }
        if (now.projectId() != null && counts.containsKey(now.projectId())) {
            counts.get(now.projectId()).add(now.counted(engine.catalogue()), now.lastOccurredAt());
        }
    }

    /** The project's definition was stored: its counts are made again under it, from the store. */
    synchronized void defined(ProjectDefinition project) {
        if (counts != null) {
            ProjectCounts fresh = engine.counts(project);
            participants.ofProject(project.projectId()).forEach(p -> fresh.add(p.counted(engine.catalogue()), p.lastOccurredAt()));
            counts.put(project.projectId(), fresh);
        }
    }

    /** A batch failed part-way, or another writer is suspected: count from the store when next asked. */
    synchronized void forget() {
        counts = null;
    }

    /** The store was emptied. */
    synchronized void cleared() {
        counts = new HashMap<>();
    }

    private Map<String, ProjectCounts> counted() {
        if (counts == null) {
            Map<String, ProjectCounts> fresh = new HashMap<>();
            projects.projects().forEach(project -> fresh.put(project.projectId(), engine.counts(project)));
            participants.forEach(p -> {
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
