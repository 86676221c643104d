package se.stegvis.reporting.indicators.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicator definitions, read from data: the indicators in the order the views show them, the outcome types
 * that exclude each other at a follow-up point, the partitions among the indicators, and when each follow-up point
 * comes after leaving.
 *
 * @param followUpDue each follow-up point after leaving by how long after the leaving day it comes (UPON_LEAVING
 *                    P0D, DAYS_90 P90D, MONTHS_6 P6M: the due days outcome-service files outcomes from)
 */
public record IndicatorCatalogue(List<IndicatorDefinition> indicators, List<ExclusiveOutcomes> exclusiveOutcomes,
                                 List<Partition> partitions, Map<String, Period> followUpDue) {

    public IndicatorCatalogue {
        indicators = List.copyOf(indicators);
        exclusiveOutcomes = List.copyOf(exclusiveOutcomes);
        partitions = List.copyOf(partitions);
        followUpDue = Collections.unmodifiableMap(new LinkedHashMap<>(followUpDue));
        Set<String> codes = new HashSet<>();
        for (IndicatorDefinition indicator : indicators) {
            if (!codes.add(indicator.code())) {
                throw new IllegalArgumentException("Indicator " + indicator.code() + " is defined twice");
            }
        }
        for (Partition partition : partitions) {
            if (!codes.contains(partition.whole()) || !codes.containsAll(partition.parts())) {
                throw new IllegalArgumentException("A partition names an indicator the catalogue lacks: " + partition);
            }
        }
    }

    public List<String> codes() {
        return indicators.stream().map(IndicatorDefinition::code).toList();
    }

    /**
     * The follow-up points that have come by {@code day} for someone who left on {@code leftOn} (none while they take
     * part, or left after that day). A point comes on its due day: 90 days after leaving on the 90th day.
     */
    public Set<String> followUpsCome(LocalDate leftOn, LocalDate day) {
        if (leftOn == null || leftOn.isAfter(day)) {
            return Set.of();
        }
        Set<String> come = new HashSet<>();
        followUpDue.forEach((point, after) -> {
            if (!leftOn.plus(after).isAfter(day)) {
                come.add(point);
            }
        });
        return come;
    }

    /**
     * The outcomes that count: of each group of exclusive types at its follow-up point only the chronologically last
     * counts (the OutcomeRecorded contract: job searching and employed upon leaving).
     */
    List<RecordedOutcome> counting(List<RecordedOutcome> current) {
        List<RecordedOutcome> counting = new ArrayList<>(current);
        for (ExclusiveOutcomes group : exclusiveOutcomes) {
            current.stream().filter(group::covers).max(RecordedOutcome.CHRONOLOGICAL).ifPresent(latest ->
                    counting.removeIf(outcome -> outcome != latest && group.covers(outcome)));
        }
        counting.sort(Comparator.comparing(RecordedOutcome::outcomeId));
        return counting;
    }
}
