package se.stegvis.activity.activities.adapter.out.replica;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.activity.activities.application.Participations;
import se.stegvis.activity.activities.domain.Participation;
import se.stegvis.replica.Replica;
import se.stegvis.replica.ReplicatedParticipant;
import se.stegvis.replica.ReplicatedProject;

/**
 * Participations from the shared participant replica. A participant whose project has not arrived yet counts as not
 * known yet: the two come on different topics and either may be first. An erased participant needs no project.
 */
public class ReplicaParticipations implements Participations {

    private final Replica replica;

    public ReplicaParticipations(Replica replica) {
        this.replica = replica;
    }

    @Override
    public Optional<Participation> find(UUID participantId) {
        return replica.participant(participantId).flatMap(this::participation);
    }

    private Optional<Participation> participation(ReplicatedParticipant participant) {
        if (participant.erased()) {
            return Optional.of(new Participation(participant.participantId(), participant.projectId(), participant.enrolledOn(),
                    participant.leftOn(), true, List.of()));
        }
        return replica.project(participant.projectId()).map(project -> participation(participant, project));
    }

    private static Participation participation(ReplicatedParticipant participant, ReplicatedProject project) {
        return new Participation(participant.participantId(), participant.projectId(), participant.enrolledOn(),
                participant.leftOn(), false, project.activityTypes());
    }
}
