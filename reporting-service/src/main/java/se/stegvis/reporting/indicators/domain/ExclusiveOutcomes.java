package se.stegvis.reporting.indicators.domain;

import java.util.Set;

/** Outcome types that exclude each other at a follow-up point: of those a participant has there, only the latest counts. */
public record ExclusiveOutcomes(String followUp, Set<String> types) {

    public ExclusiveOutcomes {
        types = Set.copyOf(types);
    }

    boolean covers(RecordedOutcome outcome) {
        return followUp.equals(outcome.followUp()) && types.contains(outcome.type());
    }
}
