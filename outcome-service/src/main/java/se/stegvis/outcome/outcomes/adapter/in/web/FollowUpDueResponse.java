package se.stegvis.outcome.outcomes.adapter.in.web;

import java.time.LocalDate;

import se.stegvis.outcome.outcomes.domain.FollowUpDue;

/** One follow-up to make: only ids and dates, since this service holds no personal data. */
public record FollowUpDueResponse(String participantId, String followUp, LocalDate dueOn, LocalDate windowClosesOn) {

    static FollowUpDueResponse of(FollowUpDue due) {
        return new FollowUpDueResponse(due.participantId().toString(), due.followUp().name(), due.dueOn(), due.windowClosesOn());
    }
}
