package se.stegvis.participant.participants.adapter.out.crypto;

import java.util.UUID;

/**
 * Sealed personal data could not be opened. The message carries the participant id and why, never a byte
 * of the data: ids may be logged, personal data may not.
 */
public class PersonalDataUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID participantId;

    public PersonalDataUnreadable(UUID participantId, String reason) {
        super("the personal data of participant " + participantId + " cannot be opened: " + reason);
        this.participantId = participantId;
    }

    public UUID participantId() {
        return participantId;
    }
}
