package se.stegvis.reporting.indicators.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /**
     * What changed since the last checkpoint, each written whole over what the store holds under its id.
     *
     * @param unstored participants of whom the store holds no document as far as the working state knows (met since the
     *                 store was read or emptied, and in no checkpoint yet): their documents may be inserted rather than
     *                 replaced, which costs a store less (after a rebuild, every participant is one). A hint only: a
     *                 document that is there after all is replaced as any other.
     */
    record Changes(List<ProjectedParticipant.Facts> participants, List<Fact<RecordedActivity>> activities,
                   List<Fact<RecordedOutcome>> outcomes, Set<String> unstored) {

        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());

        /** Changes of participants the store may already hold. */
        public Changes(List<ProjectedParticipant.Facts> participants, List<Fact<RecordedActivity>> activities,
                       List<Fact<RecordedOutcome>> outcomes) {
            this(participants, activities, outcomes, Set.of());
        }

        public boolean isEmpty() {
            return participants.isEmpty() && activities.isEmpty() && outcomes.isEmpty();
        }

        public int size() {
            return participants.size() + activities.size() + outcomes.size();
        }

        /**
         * The same changes with each kind of document in the order of its id, as a store's B-tree orders them: a
         * checkpoint written in that order fills each page of the store's index once, where one in random order (a
         * hash map's) rewrites a page for nearly every document once the collection is large. On the local stack's
         * Mongo-wire server 300,000 documents inserted in random id order took 210 s, in id order 43 s; MongoDB's
         * B-trees gain the same way, less.
         */
        public Changes inIdOrder() {
            return new Changes(sorted(participants, ProjectedParticipant.Facts::participantId), sorted(activities, Fact::id),
                    sorted(outcomes, Fact::id), unstored);
        }

        private static <T> List<T> sorted(List<T> items, Function<T, String> id) {
            List<T> copy = new ArrayList<>(items);
            copy.sort(Comparator.comparing(id));
            return copy;
        }

        /**
         * The changes in parts of at most {@code documents} documents each, activities first, then outcomes, then
         * participants, as {@link #save} writes them; each part with the same {@link #unstored()}.
         */
        public List<Changes> inParts(int documents) {
            if (documents < 1) {
                throw new IllegalArgumentException("a part holds at least one document");
            }
            if (size() <= documents) {
                return List.of(this);
            }
            List<Changes> parts = new ArrayList<>();
            int from = 0;
            while (from < size()) {
                int to = Math.min(size(), from + documents);
                parts.add(new Changes(slice(participants, from - activities.size() - outcomes.size(), to - activities.size() - outcomes.size()),
                        slice(activities, from, to), slice(outcomes, from - activities.size(), to - activities.size()), unstored));
                from = to;
            }
            return parts;
        }

        private static <T> List<T> slice(List<T> items, int from, int to) {
            return items.subList(Math.max(0, Math.min(items.size(), from)), Math.max(0, Math.min(items.size(), to)));
        }
    }

    /**
     * Writes the changes, each document by its id, replacing what is there: writing the same changes again, or a part
     * of them again after a failure, ends in the same store, whatever {@link Changes#unstored()} says. Returns once every
     * write holds.
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
