package se.stegvis.replica;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's local, read-only replica of the project catalogue and the participants, built from their topics. It
 * lags the topics by moments: a participant enrolled a second ago may not be here yet (empty), which is not the
 * same as erased ({@link ReplicatedParticipant#erased()}).
 */
public interface Replica {

    Optional<ReplicatedProject> project(String projectId);

    Optional<ReplicatedParticipant> participant(UUID participantId);

    /** The project's participants who have left and are not erased, for follow-ups after leaving. */
    List<ReplicatedParticipant> leftParticipantsOf(String projectId);
}
