package se.stegvis.reporting.indicators.application;

import java.util.List;
import java.util.function.Consumer;

import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.Fact;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;

/**
 * Where the projection keeps a checkpoint of its participants: each participant's facts, each activity and each
 * outcome as a document of its own, so no document grows with the number of events a participant gets. The working
 * state is held in memory ({@link WorkingState}); the store is what it starts from.
 */
public interface ParticipantStore {

    /** What changed since the last checkpoint, each written whole over what the store holds under its id. */
    record Changes(List<ProjectedParticipant.Facts> participants, List<Fact<RecordedActivity>> activities,
                   List<Fact<RecordedOutcome>> outcomes) {

        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return participants.isEmpty() && activities.isEmpty() && outcomes.isEmpty();
        }

        public int size() {
            return participants.size() + activities.size() + outcomes.size();
        }
    }

    /**
     * Writes the changes, each document by its id, replacing what is there: writing the same changes again, or a part
     * of them again after a failure, ends in the same store. Returns once every write holds.
     */
    void save(Changes changes);

    /** Every stored participant with their activities and outcomes, one at a time, for the working state at start. */
    void load(Consumer<ProjectedParticipant> each);

    /** True when no participant is stored. */
    boolean isEmpty();

    /**
     * True when what is stored is of an earlier form of the read model that cannot be read as a checkpoint: the read
     * model is then made again from the topics, as for an empty one.
     */
    boolean ofAnEarlierForm();

    void clear();
}
