package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One project's running counts: how many participants each indicator and each target counts, in all and by gender.
 * A participant is added with what they count as now and taken away with what they counted as before, so the counts
 * follow the projection without reading every participant again. Not thread-safe: its owner serialises access.
 */
public final class ProjectCounts {

    private final ProjectDefinition project;
    private final IndicatorCatalogue catalogue;
    private final List<Criterion> indicatorCriteria;
    private final List<Criterion> targetCriteria;
    private final int[][] indicators;
    private final int[][] targets;
    private int participants;
    private Instant asOf;

    ProjectCounts(ProjectDefinition project, IndicatorCatalogue catalogue) {
        this.project = project;
        this.catalogue = catalogue;
        this.indicatorCriteria = catalogue.indicators().stream().map(IndicatorDefinition::criterion).toList();
        this.targetCriteria = project.targets().stream().map(TargetDefinition::criterion).toList();
        this.indicators = new int[indicatorCriteria.size()][Gender.values().length];
        this.targets = new int[targetCriteria.size()][Gender.values().length];
        this.asOf = project.occurredAt();
    }

    public ProjectDefinition project() {
        return project;
    }

    /** Counts the participant as they are now (null: not enrolled, counts nowhere) and moves the time forward. */
    public void add(CountedParticipant participant, Instant lastOccurredAt) {
        if (lastOccurredAt != null && lastOccurredAt.isAfter(asOf)) {
            asOf = lastOccurredAt;
        }
        change(participant, 1);
    }

    /** Takes away what the participant counted as before (null: nothing). */
    public void remove(CountedParticipant participant) {
        change(participant, -1);
    }

    private void change(CountedParticipant participant, int by) {
        if (participant == null) {
            return;
        }
        participants += by;
        int gender = participant.entry().gender().ordinal();
        for (int i = 0; i < indicatorCriteria.size(); i++) {
            if (indicatorCriteria.get(i).counts(participant)) {
                indicators[i][gender] += by;
            }
        }
        for (int i = 0; i < targetCriteria.size(); i++) {
            if (targetCriteria.get(i).counts(participant)) {
                targets[i][gender] += by;
            }
        }
    }

    /** The figures the counts make now. */
    public ProjectFigures figures() {
        List<IndicatorCount> counts = new ArrayList<>();
        for (int i = 0; i < indicators.length; i++) {
            counts.add(count(catalogue.indicators().get(i).code(), indicators[i]));
        }
        List<TargetFigures> against = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            TargetDefinition target = project.targets().get(i);
            against.add(IndicatorEngine.against(target, count(target.code(), targets[i]), participants));
        }
        return new ProjectFigures(project, asOf, participants, counts, against);
    }

    private static IndicatorCount count(String code, int[] byGenderOrdinal) {
        Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
        int total = 0;
        for (Gender gender : Gender.values()) {
            int count = byGenderOrdinal[gender.ordinal()];
            total += count;
            if (count != 0) {
                byGender.put(gender, count);
            }
        }
        return new IndicatorCount(code, total, byGender);
    }
}
