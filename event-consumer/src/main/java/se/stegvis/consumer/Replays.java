package se.stegvis.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a consumer's topics from their start into an emptied store, on request (a rebuild). It happens on the
 * consumer's own thread (at its next batch, or its next idle moment) and only once it holds partitions: clearing the
 * store before that would leave it empty up to the committed offsets. The beginnings are committed at once, so a
 * service that stops during the replay takes it up again instead of going on from the old offsets over a store that
 * lacks everything before them.
 */
public final class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Map<String, Runnable> clearers = new ConcurrentHashMap<>();
    /** Stores still to be looked at once, before their consumer applies anything: found empty, they are replayed. */
    private final Map<String, BooleanSupplier> unchecked = new ConcurrentHashMap<>();
    private final ConsumerProgress progress;

    public Replays(ConsumerProgress progress) {
        this.progress = progress;
    }

    /** How the group's store is emptied before a replay. */
    public void register(String group, Runnable clearStore) {
        clearers.put(group, clearStore);
    }

    /**
     * As {@link #register(String, Runnable)}, and the store is looked at once, on the consumer's thread before it
     * applies anything: found empty (new, or thrown away while the service was stopped) it is replayed from the start,
     * since the offsets the group committed describe a store that is gone and going on from them would leave out
     * everything before. A store that cannot be asked (away) is asked again at the consumer's next chance.
     */
    public void register(String group, Runnable clearStore, BooleanSupplier storeEmpty) {
        register(group, clearStore);
        unchecked.put(group, storeEmpty);
    }

    /** Asks for a replay of the group at its next chance; the group is not caught up from now until it has ended. */
    public void request(String group) {
        requested.add(group);
        progress.replaying(group);
    }

    public boolean requested(String group) {
        return requested.contains(group);
    }

    /** The group's latest replay (asked for, under way or done), if it had one since the service started. */
    public Optional<ReplayProgress> progress(String group) {
        return progress.replay(group);
    }

    /**
     * On the consumer's thread: begins a requested replay, if the consumer holds partitions. True when it did: the
     * batch at hand (if any) is then dropped uncommitted, as the consumer now reads from the start.
     */
    public boolean beginIfRequested(String group, Consumer<?, ?> consumer) {
        if (consumer == null) {
            return false;
        }
        BooleanSupplier storeEmpty = unchecked.get(group);
        if (storeEmpty != null) {
            if (storeEmpty.getAsBoolean()) {
                request(group);
                log.info("Group {} found its store empty: it replays its topics from the start", group);
            }
            unchecked.remove(group);
        }
        if (!requested.contains(group) || consumer.assignment().isEmpty()) {
            return false;
        }
        Runnable clear = clearers.get(group);
        if (clear == null) {
            throw new IllegalStateException("No store registered for a replay of group " + group);
        }
        Set<TopicPartition> assigned = consumer.assignment();
        clear.run();
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned);
        Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
        beginnings.forEach((partition, offset) -> starts.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(starts);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        consumer.seekToBeginning(assigned);
        requested.remove(group);
        progress.replaying(group, beginnings, ends);
        log.info("Group {} replays {} from the start into an emptied store", group, assigned);
        return true;
    }
}
