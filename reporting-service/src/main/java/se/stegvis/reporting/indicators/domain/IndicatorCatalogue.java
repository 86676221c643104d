package se.stegvis.reporting.indicators.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The indicator definitions, read from data: the indicators in the order the views show them, the outcome types
 * that exclude each other at a follow-up point, and the partitions among the indicators.
 */
public record IndicatorCatalogue(List<IndicatorDefinition> indicators, List<ExclusiveOutcomes> exclusiveOutcomes,
                                 List<Partition> partitions) {

    public IndicatorCatalogue {
        indicators = List.copyOf(indicators);
        exclusiveOutcomes = List.copyOf(exclusiveOutcomes);
        partitions = List.copyOf(partitions);
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
