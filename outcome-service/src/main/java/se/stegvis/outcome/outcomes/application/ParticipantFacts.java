package se.stegvis.outcome.outcomes.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.domain.Participant;
import se.stegvis.outcome.outcomes.domain.Project;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.NotKnownYet;

/**
 * What this service knows of projects and participants: a replica of their topics, so it lags them by moments. A
 * participant enrolled a second ago may not be here yet, which is not the same as erased.
 */
public interface ParticipantFacts {

    Optional<Participant> participant(UUID participantId);

    Optional<Project> project(String projectId);

    /** The project's participants who have left and are not erased. */
    List<Participant> leftParticipantsOf(String projectId);

    /**
     * The participant, if known here, the caller STAFF of its project and not erased: an unknown one may still arrive
     * (retry), an erased one will not. To anyone but its staff the participant is answered as one not known here, so
     * the answer never confirms that a person is enrolled somewhere.
     */
    default Participant recordable(Caller caller, UUID participantId) {
        Participant participant = participant(participantId)
                .filter(found -> caller.isStaffOf(found.projectId()))
                .orElseThrow(() -> new NotKnownYet("participant", participantId.toString()));
        if (participant.erased()) {
            throw new Gone("participant", participantId.toString());
        }
        return participant;
    }

    /** The participant's project; one that has not arrived yet is worth a retry, as for the participant. */
    default Project projectOf(Participant participant) {
        return project(participant.projectId()).orElseThrow(() -> new NotKnownYet("project", participant.projectId()));
    }
}
