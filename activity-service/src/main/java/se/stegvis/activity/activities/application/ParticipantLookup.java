package se.stegvis.activity.activities.application;

import java.util.UUID;

import se.stegvis.activity.activities.domain.Participation;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.NotKnownYet;

/** A participant activities may be recorded for or listed of: known here (else retry later) and not erased. */
final class ParticipantLookup {

    private final Participations participations;

    ParticipantLookup(Participations participations) {
        this.participations = participations;
    }

    Participation current(UUID participantId) {
        Participation participation = participations.find(participantId)
                .orElseThrow(() -> new NotKnownYet("participant", participantId.toString()));
        if (participation.erased()) {
            throw new Gone("participant", participantId.toString());
        }
        return participation;
    }
}
