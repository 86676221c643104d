package se.stegvis.replica;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;

/** Where a replica is written: a batch of events applied idempotently in one go, and emptied for a replay. */
public interface ReplicaStore {

    /**
     * Applies a batch's events, in their order, with the state a single in-order delivery gives; those this replica
     * has no use for are passed over. Returns once the batch is written; throws while the store is away.
     */
    void apply(List<SpecificRecord> events);

    /** One event, as a batch of one. */
    default void apply(SpecificRecord event) {
        apply(List.of(event));
    }

    /**
     * Called on each event of a batch before the batch is written: throws {@link se.stegvis.consumer.EventNotApplicable}
     * for an event that cannot be applied, which the consumer policy sets aside (the events before it are written,
     * those after it delivered again). None is refused unless a store says so.
     */
    default void check(SpecificRecord event) {
    }

    void clear();
}
