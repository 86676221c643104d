package se.stegvis.outcome.outcomes.adapter.out.replica;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import se.stegvis.outcome.outcomes.application.ParticipantFacts;
import se.stegvis.outcome.outcomes.domain.FollowUpPoint;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;
import se.stegvis.replica.Replica;
import se.stegvis.replica.ReplicatedParticipant;
import se.stegvis.replica.ReplicatedProject;

/** The participant replica (module participant-replica) seen as the facts recording outcomes needs. */
public class ReplicaParticipantFacts implements ParticipantFacts {

    private final Replica replica;

    public ReplicaParticipantFacts(Replica replica) {
        this.replica = replica;
    }

    @Override
    public Optional<Participant> participant(UUID participantId) {
        return replica.participant(participantId).map(ReplicaParticipantFacts::participant);
    }

    @Override
    public Optional<Project> project(String projectId) {
        return replica.project(projectId).map(ReplicaParticipantFacts::project);
    }

    @Override
    public List<Participant> leftParticipantsOf(String projectId) {
        return replica.leftParticipantsOf(projectId).stream().map(ReplicaParticipantFacts::participant).toList();
    }

    private static Participant participant(ReplicatedParticipant p) {
        return new Participant(p.participantId(), p.projectId(), p.enrolledOn(), p.leftOn(), p.erased());
    }

    /** Names this service does not know as a follow-up point (a later schema's) are left out rather than misread. */
    private static Project project(ReplicatedProject p) {
        return new Project(p.projectId(), p.outcomeTypes(), p.followUpPoints().stream()
                .filter(name -> FollowUpPoint.AFTER_LEAVING.stream().anyMatch(point -> point.name().equals(name)))
                .map(FollowUpPoint::valueOf).collect(Collectors.toSet()));
    }
}
