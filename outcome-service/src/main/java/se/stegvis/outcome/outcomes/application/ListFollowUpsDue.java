package se.stegvis.outcome.outcomes.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.domain.FollowUpDue;
import se.stegvis.outcome.outcomes.domain.FollowUpPoint;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;
import se.stegvis.service.command.NotFound;

/** Whom staff should contact: the project's participants whose follow-up falls due and is not yet recorded. */
public class ListFollowUpsDue {

    private final ParticipantFacts facts;
    private final OutcomeStore store;
    private final Clock clock;

    public ListFollowUpsDue(ParticipantFacts facts, OutcomeStore store, Clock clock) {
        this.facts = facts;
        this.store = store;
        this.clock = clock;
    }

    /** For STAFF of the project: whom to call is personal to its participants. */
    public List<FollowUpDue> dueBefore(Caller caller, String projectId, LocalDate before) {
        Project project = facts.project(projectId).orElseThrow(() -> new NotFound("project", projectId));
        caller.require(caller.isStaffOf(projectId), "see the follow-ups due in project " + projectId);
        List<Participant> left = facts.leftParticipantsOf(projectId);
        Map<UUID, Set<FollowUpPoint>> recorded = store.currentOf(left.stream().map(Participant::id).toList()).stream()
                .collect(Collectors.groupingBy(Outcome::participantId, Collectors.mapping(Outcome::followUp, Collectors.toSet())));
        LocalDate today = LocalDate.now(clock);
        return left.stream()
                .flatMap(participant -> participant.followUpsDue(project, before, today,
                        recorded.getOrDefault(participant.id(), Set.of())).stream())
                .sorted(FollowUpDue.BY_DUE_DAY).toList();
    }
}
