package se.stegvis.reporting.indicators.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One project's running counts on one day: how many participants each indicator counts (in all, by gender and by
 * target group) and each target counts and is measured among. A participant is added with what they count as now and
 * taken away with what they counted as before, so the counts follow the projection without reading every participant
 * again; both must be counted for {@link #day()}. Not thread-safe: its owner serialises access.
 */
public final class ProjectCounts {

    private final ProjectDefinition project;
    private final IndicatorCatalogue catalogue;
    private final LocalDate day;
    private final List<Criterion> indicatorCriteria;
    private final List<Criterion> targetCriteria;
    private final List<Criterion> targetEligibility;
    private final int[][] indicators;
    /** Per target group: each indicator's count, then (last) how many participants are of the group. */
    private final Map<String, int[]> byTargetGroup = new HashMap<>();
    private final int[][] targets;
    private final int[] eligible;
    private int participants;
    private Instant asOf;

    ProjectCounts(ProjectDefinition project, IndicatorCatalogue catalogue, LocalDate day) {
        this.project = project;
        this.catalogue = catalogue;
        this.day = day;
        this.indicatorCriteria = catalogue.indicators().stream().map(IndicatorDefinition::criterion).toList();
        this.targetCriteria = project.targets().stream().map(TargetDefinition::criterion).toList();
        this.targetEligibility = project.targets().stream().map(TargetDefinition::eligible).toList();
        this.indicators = new int[indicatorCriteria.size()][Gender.values().length];
        this.targets = new int[targetCriteria.size()][Gender.values().length];
        this.eligible = new int[targetCriteria.size()];
        project.targetGroups().forEach(group -> byTargetGroup.put(group, new int[indicatorCriteria.size() + 1]));
        this.asOf = project.occurredAt();
    }

    public ProjectDefinition project() {
        return project;
    }

    /** The day these counts are for. */
    public LocalDate day() {
        return day;
    }

    /** Counts the participant as they are on the day (null: not enrolled, counts nowhere) and moves the time forward. */
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
        int[] ofGroup = byTargetGroup.computeIfAbsent(participant.targetGroup(), group -> new int[indicatorCriteria.size() + 1]);
        ofGroup[indicatorCriteria.size()] += by;
        for (int i = 0; i < indicatorCriteria.size(); i++) {
            if (indicatorCriteria.get(i).counts(participant)) {
                indicators[i][gender] += by;
                ofGroup[i] += by;
            }
        }
        for (int i = 0; i < targetCriteria.size(); i++) {
            if (targetEligibility.get(i).counts(participant)) {
                eligible[i] += by;
            }
            if (targetCriteria.get(i).counts(participant)) {
                targets[i][gender] += by;
            }
        }
    }

    /** The figures the counts make now. */
    public ProjectFigures figures() {
        List<String> groups = shownTargetGroups();
        List<IndicatorCount> counts = new ArrayList<>();
        for (int i = 0; i < indicators.length; i++) {
            Map<String, Integer> ofGroups = new LinkedHashMap<>();
            for (String group : groups) {
                ofGroups.put(group, byTargetGroup.get(group)[i]);
            }
            counts.add(count(catalogue.indicators().get(i).code(), indicators[i], ofGroups));
        }
        List<TargetFigures> against = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            TargetDefinition target = project.targets().get(i);
            against.add(IndicatorEngine.against(target, count(target.code(), targets[i], Map.of()), eligible[i]));
        }
        return new ProjectFigures(project, asOf, day, participants, counts, against);
    }

    /**
     * The project's target groups in its order, then any other group a participant names (one the project no longer
     * lists), by code: the same whatever order the participants were counted in.
     */
    private List<String> shownTargetGroups() {
        List<String> shown = new ArrayList<>(project.targetGroups());
        byTargetGroup.entrySet().stream().filter(group -> !project.targetGroups().contains(group.getKey()))
                .filter(group -> group.getValue()[indicatorCriteria.size()] != 0).map(Map.Entry::getKey).sorted()
                .forEach(shown::add);
        return shown;
    }

    private static IndicatorCount count(String code, int[] byGenderOrdinal, Map<String, Integer> byTargetGroup) {
        Map<Gender, Integer> byGender = new EnumMap<>(Gender.class);
        int total = 0;
        for (Gender gender : Gender.values()) {
            int count = byGenderOrdinal[gender.ordinal()];
            total += count;
            if (count != 0) {
                byGender.put(gender, count);
            }
        }
        return new IndicatorCount(code, total, byGender, byTargetGroup);
    }
}
