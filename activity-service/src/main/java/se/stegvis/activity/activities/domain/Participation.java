package se.stegvis.activity.activities.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

/**
 * A participant as this service knows them from the participants' topic, with the activity types their project
 * offers: what recording an activity is checked against.
 *
 * @param leftOn the day they left, null while they take part
 * @param erased true once they were erased: nothing more is recorded for them
 */
public record Participation(UUID participantId, String projectId, LocalDate enrolledOn, LocalDate leftOn, boolean erased,
        List<String> offeredActivityTypes) {

    public Participation {
        offeredActivityTypes = List.copyOf(offeredActivityTypes);
    }

    /**
     * Records an activity of a type the project offers, dated between enrolment (inclusive) and today or the leaving
     * day, whichever is earlier (inclusive). Every broken rule is reported at once; nothing changes when one is.
     */
    public ActivityEvent.Recorded record(UUID activityId, ActivityFacts facts, LocalDate today, Instant now) {
        List<Violation> violations = new ArrayList<>();
        ActivityRules.type(facts.type(), offeredActivityTypes).ifPresent(violations::add);
        ActivityRules.date(facts.date(), enrolledOn, leftOn, today).ifPresent(violations::add);
        ActivityRules.hours(facts.hours()).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        return new ActivityEvent.Recorded(UUID.randomUUID(), now, participantId, projectId, activityId, facts.type(),
                facts.date(), ActivityRules.normalized(facts.hours()));
    }
}
