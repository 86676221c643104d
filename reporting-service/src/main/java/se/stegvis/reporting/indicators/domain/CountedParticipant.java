package se.stegvis.reporting.indicators.domain;

import java.util.List;
import java.util.Set;

/**
 * An enrolled participant as the criteria see them: entry facts, the outcomes that count now (retractions and the
 * catalogue's exclusions applied) and the types of the activities that count now.
 */
public record CountedParticipant(EntryFacts entry, List<RecordedOutcome> outcomes, Set<String> activityTypes) {

    public CountedParticipant {
        outcomes = List.copyOf(outcomes);
        activityTypes = Set.copyOf(activityTypes);
    }
}
