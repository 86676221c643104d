package se.stegvis.participant.participants.application;

import java.util.Optional;
import java.util.UUID;

/**
 * A store in which a race happens the same way every time, on one thread, without sleeps: the next {@link #find}
 * reads, then runs another command to its end, then hands back what it read. The command that read goes on to
 * write on a state that is no longer the stored one, exactly as the loser of a real race does.
 */
public final class InterleavingRegistry extends ForwardingParticipantRegistry {

    private Runnable afterNextRead;

    public InterleavingRegistry(ParticipantRegistry store) {
        super(store);
    }

    /** The next read runs {@code other} to completion after reading and before answering. */
    public void afterNextRead(Runnable other) {
        this.afterNextRead = other;
    }

    @Override
    public Optional<ParticipantRecord> find(UUID participantId) {
        Optional<ParticipantRecord> read = super.find(participantId);
        Runnable other = afterNextRead;
        afterNextRead = null;
        if (other != null) {
            other.run();
        }
        return read;
    }
}
