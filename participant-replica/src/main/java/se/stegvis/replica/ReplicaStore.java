package se.stegvis.replica;

import org.apache.avro.specific.SpecificRecord;

/** Where a replica is written: each event applied idempotently, and emptied for a replay. */
public interface ReplicaStore {

    /**
     * Applies one event; one this replica has no use for is passed over. Throws
     * {@link se.stegvis.consumer.EventNotApplicable} for an event that cannot be applied, anything else while the store is away.
     */
    void apply(SpecificRecord event);

    void clear();
}
