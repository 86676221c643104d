package se.stegvis.participant.participants.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

/**
 * A participant of one project: the entry data the indicators count and where they stand (active, left, erased).
 * Personal data is kept beside it, sealed, and never enters the events. Methods answer the event a command causes
 * or throw, changing nothing.
 */
public record Participant(UUID id, String projectId, EntryData entryData, LocalDate leftOn, LeavingReason leavingReason,
        boolean erased) {

    /** Enrols a person in a project running on the enrolment day, in one of its target groups; the age is derived. */
    public static ParticipantEvent.Enrolled enrol(UUID id, Project project, PersonalData person, EntryFacts facts, Instant now) {
        List<Violation> violations = new ArrayList<>();
        entryRules(project, facts, violations);
        int age = person.personalIdentityNumber().ageOn(facts.enrolledOn());
        if (age < 0) {
            violations.add(new Violation("/enrolledOn", "must not be before the person's birth date"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        return new ParticipantEvent.Enrolled(UUID.randomUUID(), now, id, project.id(), facts.withAge(age));
    }

    public static Participant enrolled(ParticipantEvent.Enrolled event) {
        return new Participant(event.participantId(), event.projectId(), event.entryData(), null, null, false);
    }

    /** Corrects the entry data; the age is derived again, since the enrolment day may have changed. */
    public ParticipantEvent.EntryDataCorrected correct(Project project, PersonalData person, EntryFacts facts, Instant now) {
        List<Violation> violations = new ArrayList<>();
        entryRules(project, facts, violations);
        if (leftOn != null && facts.enrolledOn().isAfter(leftOn)) {
            violations.add(new Violation("/enrolledOn", "must not be after the leaving date " + leftOn));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        EntryData corrected = facts.withAge(person.personalIdentityNumber().ageOn(facts.enrolledOn()));
        return new ParticipantEvent.EntryDataCorrected(UUID.randomUUID(), now, id, projectId, corrected);
    }

    public Participant corrected(ParticipantEvent.EntryDataCorrected event) {
        return new Participant(id, projectId, event.entryData(), leftOn, leavingReason, erased);
    }

    /** Records leaving, on or after the enrolment day; leaving again corrects the date and reason. */
    public ParticipantEvent.Left leave(LocalDate day, LeavingReason reason, Instant now) {
        if (day.isBefore(entryData.enrolledOn())) {
            throw new InvalidCommand("/leftOn", "must be on or after the enrolment date " + entryData.enrolledOn());
        }
        return new ParticipantEvent.Left(UUID.randomUUID(), now, id, projectId, day, reason);
    }

    public Participant left(ParticipantEvent.Left event) {
        return new Participant(id, projectId, entryData, event.leftOn(), event.reason(), erased);
    }

    public ParticipantEvent.Erased erase(Instant now) {
        return new ParticipantEvent.Erased(UUID.randomUUID(), now, id, projectId);
    }

    public Participant withErasure() {
        return new Participant(id, projectId, entryData, leftOn, leavingReason, true);
    }

    private static void entryRules(Project project, EntryFacts facts, List<Violation> violations) {
        if (!project.runsOn(facts.enrolledOn())) {
            violations.add(new Violation("/enrolledOn", "must lie within the project period " + project.period().start()
                    + " – " + project.period().end()));
        }
        if (!project.hasTargetGroup(facts.targetGroup())) {
            violations.add(new Violation("/targetGroup", "must be one of the project's target groups "
                    + project.targetGroups().stream().map(Project.TargetGroup::code).toList()));
        }
    }
}
