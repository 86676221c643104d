package se.stegvis.outcome.outcomes.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which follow-up point an outcome belongs to, from the participant's leaving day and the project's follow-up points.
 *
 * <ul>
 * <li>An outcome dated before leaving, or of a participant who has not left, is {@link FollowUpPoint#DURING_PARTICIPATION}.
 * <li>Each follow-up point falls due on a day: {@code UPON_LEAVING} on the leaving day, {@code DAYS_90} 90 days after
 * it, {@code MONTHS_6} six months after it (java.time month arithmetic: 31 August + 6 months is the last day of
 * February, the 28th or in a leap year the 29th).
 * <li>Each point has a window: from the day it falls due to {@value #WINDOW_DAYS} days (four weeks) later, both
 * included. ESF+ counts a result "upon leaving" if it happens within four weeks after leaving; a result "six months
 * after leaving" is one observed at that point, and the same four weeks are the tolerance for it and for a
 * project's 90 days. An outcome seen before a point has come is not a result at that point: day 29 after leaving is
 * not "90 days after leaving".
 * <li>An outcome belongs to the project's follow-up point whose window holds its date (windows never overlap: the
 * points lie more than four weeks apart); an outcome between or after the windows is {@link FollowUpPoint#OTHER}.
 * </ul>
 * With all three points: days 0–28 after leaving are UPON_LEAVING, days 29–89 OTHER, days 90–118 DAYS_90, then OTHER
 * until six months, six months to six months + 28 days MONTHS_6, later OTHER. A point the project does not follow up
 * at has no window: its days are OTHER.
 */
public final class FollowUpRule {

    public static final int WINDOW_DAYS = 28;

    private FollowUpRule() {
    }

    public static FollowUpPoint pointOf(LocalDate outcomeDate, LocalDate leftOn, Set<FollowUpPoint> projectPoints) {
        if (leftOn == null || outcomeDate.isBefore(leftOn)) {
            return FollowUpPoint.DURING_PARTICIPATION;
        }
        return windows(leftOn, projectPoints).stream().filter(window -> window.contains(outcomeDate))
                .map(FollowUpWindow::point).findFirst().orElse(FollowUpPoint.OTHER);
    }

    /** The project's follow-up windows for someone who left on {@code leftOn}, in the order they fall due. */
    public static List<FollowUpWindow> windows(LocalDate leftOn, Set<FollowUpPoint> projectPoints) {
        return FollowUpPoint.AFTER_LEAVING.stream().filter(projectPoints::contains)
                .map(point -> window(point, leftOn)).toList();
    }

    private static FollowUpWindow window(FollowUpPoint point, LocalDate leftOn) {
        LocalDate due = point.dueOn(leftOn);
        return new FollowUpWindow(point, due, due.plusDays(WINDOW_DAYS));
    }
}
