package se.stegvis.reporting.indicators.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of a project's targets, from its ProjectDefined. It is measured among the participants of its target group (all
 * of them when it names none) for whom its follow-up point has come (all of them when it names none): those are
 * {@link #eligible()}, the denominator of a share. Among them it counts everyone when it names no types, else those
 * with a current outcome of the listed types (at the follow-up point, as the outcome's event files it) or a current
 * activity of the listed types.
 *
 * @param genderShares the wanted balance among those counted, in per cent by gender name; empty when none is set
 * @param targetGroup  the target group code it is measured in; null: every group
 */
public record TargetDefinition(String code, int target, TargetUnit unit, Set<String> outcomeTypes, Set<String> activityTypes,
                               String followUp, Map<String, Integer> genderShares, String targetGroup) {

    public TargetDefinition {
        outcomeTypes = Set.copyOf(outcomeTypes);
        activityTypes = Set.copyOf(activityTypes);
        genderShares = Map.copyOf(genderShares);
    }

    /** A target of every target group. */
    public TargetDefinition(String code, int target, TargetUnit unit, Set<String> outcomeTypes, Set<String> activityTypes,
            String followUp, Map<String, Integer> genderShares) {
        this(code, target, unit, outcomeTypes, activityTypes, followUp, genderShares, null);
    }

    /**
     * Whom the target is measured among on the day counted: its target group's participants whose follow-up point
     * has come. A share of 70 % in work 90 days after leaving is not diluted by those who left last week.
     */
    Criterion eligible() {
        List<Criterion> all = new ArrayList<>();
        if (targetGroup != null) {
            all.add(new Criterion.EntryAttribute(CountedParticipant.TARGET_GROUP, Set.of(targetGroup)));
        }
        if (followUp != null) {
            all.add(new Criterion.FollowUpCome(followUp));
        }
        return Criterion.allOf(all);
    }

    /** Whom the target counts: among the eligible, those with one of its outcomes or activities (all if it names none). */
    Criterion criterion() {
        List<Criterion> either = new ArrayList<>();
        if (!outcomeTypes.isEmpty()) {
            either.add(new Criterion.OutcomeAt(outcomeTypes, followUp));
        }
        if (!activityTypes.isEmpty()) {
            either.add(new Criterion.ActivityOf(activityTypes));
        }
        Criterion types = either.isEmpty() ? new Criterion.Everyone() : new Criterion.AnyOf(either);
        return Criterion.allOf(List.of(eligible(), types));
    }
}
