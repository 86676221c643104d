package se.stegvis.reporting.indicators.domain;

import java.util.List;
import java.util.Set;

/**
 * An enrolled participant as the criteria see them on the day counted: entry facts, the outcomes and the types of the
 * activities that count then (dated on or before it; retractions and the catalogue's exclusions applied), and the
 * follow-up points that had come for them by then.
 */
public record CountedParticipant(EntryFacts entry, List<RecordedOutcome> outcomes, Set<String> activityTypes,
                                 Set<String> followUpsCome) {

    /** The entry attribute that names the participant's target group. */
    public static final String TARGET_GROUP = "targetGroup";

    /** Where an entry names no target group (no event does: the contract requires one). */
    public static final String NO_TARGET_GROUP = "NONE";

    public CountedParticipant {
        outcomes = List.copyOf(outcomes);
        activityTypes = Set.copyOf(activityTypes);
        followUpsCome = Set.copyOf(followUpsCome);
    }

    /** The participant's target group, or {@value #NO_TARGET_GROUP} where the entry data names none. */
    public String targetGroup() {
        String group = entry.attribute(TARGET_GROUP);
        return group == null ? NO_TARGET_GROUP : group;
    }
}
