package se.stegvis.reporting.indicators.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import se.stegvis.reporting.indicators.domain.CountedParticipant;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.ProjectCounts;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/**
 * The figures of every project today, kept as running counts so a view costs no walk over the participants. The
 * projection tells it, after each applied batch, what each changed participant counted as before and counts as now.
 * It counts from the {@link WorkingState} when first asked, when a project's definition changes (its targets may count
 * differently), after a batch that failed part-way, and when asked on a later day than it counted for: what a
 * participant counts as depends on the day (a follow-up point comes, a dated outcome begins to count), so counts of
 * yesterday are not today's. Figures of an earlier day are counted from the working state when asked.
 *
 * <p>During a replay from the start it keeps no running counts: nearly every event of a replay changes a participant,
 * and moving each one's contribution batch after batch cost a quarter of the replay's time (docs/benchmarks/replay.md).
 * A view asked for meanwhile is counted from the working state, and kept until the next batch; once the replay has
 * reached its end ({@link #replayed()}), the next view counts once and running counts are kept from then on.
 *
 * <p>It knows only what this instance's projection applies: one reporting-service instance per read model (see
 * docs/decisions/0009). The object is also the lock that keeps the working state and its counts together.
 */
public final class IndicatorTally {

    /** What a participant counted as on a day, and where: taken before a batch changes them. */
    public record Contribution(String projectId, CountedParticipant counted, LocalDate day) {
    }

    private final WorkingState state;
    private final IndicatorEngine engine;
    private final Clock clock;
    private Map<String, ProjectCounts> counts;
    private LocalDate countedFor;
    private boolean replaying;

    /** @param clock whose date, in its zone, is today (the service's: Europe/Stockholm) */
    public IndicatorTally(WorkingState state, IndicatorEngine engine, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
    }

    /** The day the service counts as today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** True when a batch is to tell it what each changed participant counted as before and counts as now. */
    synchronized boolean keepsRunningCounts() {
        return counts != null && !replaying;
    }

    synchronized Contribution contribution(ProjectedParticipant participant) {
        LocalDate day = counts == null ? today() : countedFor;
        return new Contribution(participant.projectId(), participant.counted(engine.catalogue(), day), day);
    }

    /** Today's figures of one project, empty if it is not defined (yet). */
    public synchronized Optional<ProjectFigures> figures(String projectId) {
        return Optional.ofNullable(counted().get(projectId)).map(ProjectCounts::figures);
    }

    /** Today's figures of every defined project, in project id order. */
    public synchronized List<ProjectFigures> figures() {
        Map<String, ProjectCounts> all = counted();
        return state.projects().stream().map(ProjectDefinition::projectId).filter(all::containsKey)
                .map(id -> all.get(id).figures()).toList();
    }

    /** One project's figures as they stood on the day, empty if it is not defined: today's counts, or counted now. */
    public synchronized Optional<ProjectFigures> figures(String projectId, LocalDate day) {
        if (day.equals(today())) {
            return figures(projectId);
        }
        return state.projects().stream().filter(project -> project.projectId().equals(projectId)).findFirst()
                .map(project -> engine.figures(project, state.participants().stream()
                        .filter(participant -> projectId.equals(participant.projectId())).toList(), day));
    }

    /** Every defined project's figures as they stood on the day, in project id order. */
    public synchronized List<ProjectFigures> figures(LocalDate day) {
        if (day.equals(today())) {
            return figures();
        }
        return countAll(day).values().stream().map(ProjectCounts::figures).toList();
    }

    /**
     * How many of the project's participants had their personal data erased after the instant (by when the erasure
     * was accepted): erasure changes no count, so this is how a submitted report learns of them.
     */
    public synchronized int erasedSince(String projectId, Instant since) {
        return (int) state.participants().stream().filter(p -> projectId.equals(p.projectId()))
                .filter(p -> p.erasedAt() != null && p.erasedAt().isAfter(since)).count();
    }

    /** A participant of the applied batch moved from what they counted as before to what they count as now. */
    synchronized void changed(Contribution before, ProjectedParticipant now) {
        if (counts == null) {
            return; // counted from the working state, which already holds the change, when next asked
        }
        if (!before.day().equals(countedFor)) {
            counts = null; // counted for another day than the counts: count afresh when next asked
            return;
        }
        if (before.projectId() != null && counts.containsKey(before.projectId())) {
            counts.get(before.projectId()).remove(before.counted());
        }
        if (now.projectId() != null && counts.containsKey(now.projectId())) {
            counts.get(now.projectId()).add(now.counted(engine.catalogue(), countedFor), now.lastOccurredAt());
        }
    }

    /** The project's definition changed: its counts are made again under it. */
    synchronized void defined(ProjectDefinition project) {
        if (counts != null) {
            counts.put(project.projectId(), count(project, countedFor));
        }
    }

    /** A batch failed part-way: count from the working state when next asked. */
    synchronized void forget() {
        counts = null;
    }

    /** The working state was emptied for a replay from the start: no running counts until it has {@link #replayed()}. */
    synchronized void cleared() {
        counts = null;
        replaying = true;
    }

    /** The replay from the start has reached its end: the next view counts, and running counts are kept from then on. */
    synchronized void replayed() {
        replaying = false;
    }

    private ProjectCounts count(ProjectDefinition project, LocalDate day) {
        ProjectCounts fresh = engine.counts(project, day);
        state.participants().stream().filter(p -> project.projectId().equals(p.projectId()))
                .forEach(p -> fresh.add(p.counted(engine.catalogue(), day), p.lastOccurredAt()));
        return fresh;
    }

    /** Today's counts: made from the working state when there are none, or when they are of an earlier day. */
    private Map<String, ProjectCounts> counted() {
        LocalDate today = today();
        if (counts == null || !today.equals(countedFor)) {
            counts = countAll(today);
            countedFor = today;
        }
        return counts;
    }

    private Map<String, ProjectCounts> countAll(LocalDate day) {
        Map<String, ProjectCounts> fresh = new TreeMap<>();
        state.projects().forEach(project -> fresh.put(project.projectId(), engine.counts(project, day)));
        state.participants().forEach(p -> {
            ProjectCounts project = fresh.get(p.projectId());
            if (project != null) {
                project.add(p.counted(engine.catalogue(), day), p.lastOccurredAt());
            }
        });
        return fresh;
    }
}
