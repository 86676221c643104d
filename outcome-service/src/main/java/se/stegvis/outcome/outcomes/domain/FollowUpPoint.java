package se.stegvis.outcome.outcomes.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * When, relative to leaving, an outcome was observed. Three of them are follow-up points a project may choose; each
 * falls due on a day counted from the leaving day. The other two only classify: before leaving, and outside every
 * window of the project (between two of them, or after the last).
 */
public enum FollowUpPoint {
    DURING_PARTICIPATION,
    UPON_LEAVING,
    DAYS_90,
    MONTHS_6,
    OTHER;

    /** The points a project can follow up at, in the order they fall due. */
    public static final List<FollowUpPoint> AFTER_LEAVING = List.of(UPON_LEAVING, DAYS_90, MONTHS_6);

    /**
     * The day this point falls due for someone who left on {@code leftOn}. Six months is java.time month arithmetic:
     * leaving on 31 August falls due on the last day of February.
     */
    public LocalDate dueOn(LocalDate leftOn) {
        if (this == UPON_LEAVING) {
            return leftOn;
        }
        if (this == DAYS_90) {
            return leftOn.plusDays(90);
        }
        if (this == MONTHS_6) {
            return leftOn.plusMonths(6);
        }
        throw new IllegalStateException(this + " is not a follow-up point after leaving");
    }

    public boolean isAfterLeaving() {
        return AFTER_LEAVING.contains(this);
    }
}
