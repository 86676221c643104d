package se.stegvis.outcome.outcomes.domain;

import java.time.LocalDate;

/**
 * One follow-up point of one participant: the day it falls due and the last day an outcome still belongs to it
 * (both inclusive). An outcome dated inside belongs to the point; one dated before or after does not.
 */
public record FollowUpWindow(FollowUpPoint point, LocalDate dueOn, LocalDate closesOn) {

    /** Whether an outcome observed on the day belongs to this point. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(dueOn) && !day.isAfter(closesOn);
    }

    /** Closed once the day after {@link #closesOn} has come: an outcome recorded then no longer belongs to this point. */
    public boolean hasClosedBy(LocalDate day) {
        return day.isAfter(closesOn);
    }
}
