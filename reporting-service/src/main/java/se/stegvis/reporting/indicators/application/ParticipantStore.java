package se.stegvis.reporting.indicators.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/** Where the projection keeps its participants, one document each. */
public interface ParticipantStore {

    /** A participant as read, with the revision a write must still find to succeed (0: not stored yet). */
    record Stored(ProjectedParticipant participant, long revision) {
    }

    /** The stored ones among the ids; absent ids are not in the map. */
    Map<String, Stored> participants(Collection<String> participantIds);

    /**
     * Writes each participant in one single-document write, on condition that its revision is still the one read
     * (or that it is still absent): a participant's applied eventIds travel in the same document, so the
     * duplicate check and the change can never part. Throws {@link ConcurrentChange} when a condition fails.
     */
    void save(List<Stored> changed);

    /** Every participant of the project, for counting. */
    List<ProjectedParticipant> ofProject(String projectId);

    /** Every stored participant, one at a time, for counting them all. */
    void forEach(Consumer<ProjectedParticipant> action);

    /** True when no participant is stored. */
    boolean isEmpty();

    void clear();
}
