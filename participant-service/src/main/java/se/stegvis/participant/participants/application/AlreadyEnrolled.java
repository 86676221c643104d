package se.stegvis.participant.participants.application;

import java.util.UUID;

/** The same person is already a participant of the project; the answer names who they are there. */
public class AlreadyEnrolled extends RuntimeException {

    private final UUID existingParticipantId;

    public AlreadyEnrolled(UUID existingParticipantId) {
        super("Already enrolled in this project as participant " + existingParticipantId);
        this.existingParticipantId = existingParticipantId;
    }

    public UUID existingParticipantId() {
        return existingParticipantId;
    }
}
