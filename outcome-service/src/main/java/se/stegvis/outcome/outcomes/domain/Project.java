package se.stegvis.outcome.outcomes.domain;

import java.util.List;
import java.util.Set;

/** What recording outcomes needs of a project: its own outcome types and the follow-up points it records at. */
public record Project(String id, List<String> outcomeTypes, Set<FollowUpPoint> followUpPoints) {

    public Project {
        outcomeTypes = List.copyOf(outcomeTypes);
        followUpPoints = Set.copyOf(followUpPoints);
    }
}
