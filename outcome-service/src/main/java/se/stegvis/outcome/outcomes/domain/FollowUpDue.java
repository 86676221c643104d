package se.stegvis.outcome.outcomes.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** A participant whose follow-up falls due: whom staff should contact, and by when. */
public record FollowUpDue(UUID participantId, FollowUpWindow window) {

    /** Earliest due first; the participant id keeps the order stable between calls. */
    public static final Comparator<FollowUpDue> BY_DUE_DAY = Comparator.comparing(FollowUpDue::dueOn)
            .thenComparing(FollowUpDue::participantId);

    public FollowUpPoint followUp() {
        return window.point();
    }

    public LocalDate dueOn() {
        return window.dueOn();
    }

    public LocalDate windowClosesOn() {
        return window.closesOn();
    }
}
