package se.stegvis.reporting.indicators.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of a project's targets, from its ProjectDefined. It counts all participants when it names no types, else those
 * with a current outcome of the listed types (at the follow-up point if one is given) or a current activity of the
 * listed types.
 *
 * @param genderShares the wanted balance among those counted, in per cent by gender name; empty when none is set
 */
public record TargetDefinition(String code, int target, TargetUnit unit, Set<String> outcomeTypes, Set<String> activityTypes,
                               String followUp, Map<String, Integer> genderShares) {

    public TargetDefinition {
        outcomeTypes = Set.copyOf(outcomeTypes);
        activityTypes = Set.copyOf(activityTypes);
        genderShares = Map.copyOf(genderShares);
    }

    Criterion criterion() {
        List<Criterion> either = new ArrayList<>();
        if (!outcomeTypes.isEmpty()) {
            either.add(new Criterion.OutcomeAt(outcomeTypes, followUp));
        }
        if (!activityTypes.isEmpty()) {
            either.add(new Criterion.ActivityOf(activityTypes));
        }
        return either.isEmpty() ? new Criterion.Everyone() : new Criterion.AnyOf(either);
    }
}
