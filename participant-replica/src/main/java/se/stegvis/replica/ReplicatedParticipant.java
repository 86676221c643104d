package se.stegvis.replica;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant as {@code stegvis.participants.v1} tells it: no personal data, only what recording activities and
 * outcomes is checked against.
 *
 * @param leftOn the day the participant left, null while they take part
 * @param erased true once {@code ParticipantErased} arrived: nothing more may be recorded for them
 */
public record ReplicatedParticipant(UUID participantId, String projectId, LocalDate enrolledOn, LocalDate leftOn, boolean erased) {
}
