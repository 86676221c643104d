package se.stegvis.outcome.outcomes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

/**
 * A participant as this service knows them from the participants topic: ids and dates only, never personal data.
 *
 * @param leftOn the day they left, null while they take part
 */
public record Participant(UUID id, String projectId, LocalDate enrolledOn, LocalDate leftOn, boolean erased) {

    /**
     * Records an outcome of one of the ESF+ types or the project's own, dated on or after enrolment and not after
     * today; answers the event with the follow-up point the date falls in, or throws with every rule broken.
     */
    public OutcomeEvent.Recorded record(Project project, UUID outcomeId, String type, LocalDate date, LocalDate today, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (type == null || type.isBlank()) {
            violations.add(new Violation("/type", "is required"));
        } else if (!OutcomeTypes.allowedIn(project, type)) {
            violations.add(new Violation("/type", "must be one of the ESF+ types " + OutcomeTypes.ESF_PLUS
                    + " or of the project's own " + project.outcomeTypes()));
        }
        if (date == null) {
            violations.add(new Violation("/date", "is required"));
        } else if (date.isBefore(enrolledOn)) {
            violations.add(new Violation("/date", "must be on or after the enrolment date " + enrolledOn));
        } else if (date.isAfter(today)) {
            violations.add(new Violation("/date", "must not be after today, " + today));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        return new OutcomeEvent.Recorded(UUID.randomUUID(), now, id, projectId, outcomeId, type, date,
                FollowUpRule.pointOf(date, leftOn, project.followUpPoints()));
    }

    /**
     * The project's follow-ups of this participant that fall due before {@code before}, whose window has not closed
     * by {@code today} (one not yet open is listed, so staff can plan the call; a missed window drops off: an outcome
     * recorded now would no longer belong to its point) and at which no current outcome is recorded, earliest first.
     * Each carries the window {@link FollowUpRule} files outcomes by, so an outcome dated inside it is recorded at
     * that point.
     */
    public List<FollowUpDue> followUpsDue(Project project, LocalDate before, LocalDate today, Set<FollowUpPoint> recorded) {
        if (leftOn == null || erased) {
            return List.of();
        }
        return FollowUpRule.windows(leftOn, project.followUpPoints()).stream()
                .filter(window -> window.dueOn().isBefore(before) && !window.hasClosedBy(today))
                .filter(window -> !recorded.contains(window.point()))
                .map(window -> new FollowUpDue(id, window))
                .sorted(FollowUpDue.BY_DUE_DAY).toList();
    }
}
