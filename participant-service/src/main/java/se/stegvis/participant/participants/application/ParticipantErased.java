package se.stegvis.participant.participants.application;

import java.util.UUID;

/** The participant's personal data was erased; there is nothing left to read or change. */
public class ParticipantErased extends RuntimeException {

    public ParticipantErased(UUID participantId) {
        super("Participant " + participantId + " was erased");
    }
}
