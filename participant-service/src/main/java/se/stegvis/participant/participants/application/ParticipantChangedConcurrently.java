package se.stegvis.participant.participants.application;

import java.util.UUID;

/**
 * Another command changed the participant between this command's read and its write, so this one was not written:
 * applying it over the other would lose that change. The client reads the participant again and decides.
 */
public class ParticipantChangedConcurrently extends RuntimeException {

    public ParticipantChangedConcurrently(UUID participantId) {
        super("Participant " + participantId + " was changed by another request since it was read; read it again and retry");
    }
}
