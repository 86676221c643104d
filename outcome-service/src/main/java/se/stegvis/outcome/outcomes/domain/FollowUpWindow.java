package se.stegvis.outcome.outcomes.domain;

import java.time.LocalDate;

/**
 * One follow-up point of one participant: the day it falls due and the last day an outcome still belongs to it
 * (both inclusive).
 */
public record FollowUpWindow(FollowUpPoint point, LocalDate dueOn, LocalDate closesOn) {

    /** Closed once the day after {@link #closesOn} has come: an outcome recorded then belongs to a later point. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isAfter(closesOn);
    }
}
