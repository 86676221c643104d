package se.stegvis.activity.activities.application;

import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.activity.activities.domain.Participation;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.NotKnownYet;

/**
 * A participant activities may be recorded for or listed of: known here (else retry later), the caller STAFF of its
 * project, and not erased. To anyone but its staff a participant is answered as one not known here, so the answer
 * never confirms that a person is enrolled somewhere.
 */
final class ParticipantLookup {

    private final Participations participations;

    ParticipantLookup(Participations participations) {
        this.participations = participations;
    }

    Participation current(Caller caller, UUID participantId) {
        Participation participation = participations.find(participantId)
                .filter(found -> caller.isStaffOf(found.projectId()))
                .orElseThrow(() -> new NotKnownYet("participant", participantId.toString()));
        if (participation.erased()) {
            throw new Gone("participant", participantId.toString());
        }
        return participation;
    }
}
