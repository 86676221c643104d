package se.stegvis.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * How a batch function applies what it was handed, the same way for every consumer: every event up to the first
 * record that cannot be used is translated and then written in one go; the batch is committed once that write
 * holds; and the record at fault, if any, is named to the container's error handler in a
 * {@link BatchListenerFailedException}, so that what came before it stays committed and it alone is tried again:
 * re-polled and decoded anew while the registry is at fault (the wait is unbounded), or, when it is the record's own
 * fault, dead-lettered after a few attempts ({@link ConsumerPolicy}).
 *
 * <p>A write that fails (the store away) is thrown as it is: the container retries the whole batch, from memory and
 * without end, and nothing is committed meanwhile. Applying again what was applied before a failure is harmless: every
 * store that consumes is idempotent.
 */
public final class BatchApplication {

    private BatchApplication() {
    }

    /**
     * @param translate an event into what the store writes; null to pass an event over that this consumer has no use
     *        for (it is committed with the rest); throws {@link EventNotApplicable} for an event that cannot be used
     * @param write the translated events, in order, in one write; returns once the write holds
     * @return the number of events written
     */
    public static <T> int apply(EventBatch batch, Function<SpecificRecord, T> translate, java.util.function.Consumer<List<T>> write) {
        int written = applyUncommitted(batch, translate, write);
        batch.acknowledge();
        return written;
    }

    /**
     * As {@link #apply}, but commits nothing: for a consumer that writes its store at checkpoints of its own and
     * commits the offsets of what it applied only once a checkpoint holds it. Before the record at fault is handed to
     * the container (which commits the records before it, and that record once set aside), such a consumer must have
     * stored everything it applied.
     */
    public static <T> int applyUncommitted(EventBatch batch, Function<SpecificRecord, T> translate,
            java.util.function.Consumer<List<T>> write) {
        List<T> usable = new ArrayList<>(batch.entries().size());
        RuntimeException atFault = null;
        int failedIndex = -1;
        for (EventBatch.Entry entry : batch.entries()) {
            if (!entry.decoded()) {
                atFault = entry.failure();
                failedIndex = entry.index();
                break;
            }
            try {
                T translated = translate.apply(entry.event());
                if (translated != null) {
                    usable.add(translated);
                }
            } catch (EventNotApplicable notApplicable) {
                atFault = notApplicable;
                failedIndex = entry.index();
                break;
            }
        }
        if (!usable.isEmpty()) {
            write.accept(usable);
        }
        if (atFault != null) {
            EventBatch.Entry failed = batch.entries().get(failedIndex);
            throw new BatchListenerFailedException("Record " + failed.coordinates() + " could not be used", atFault, failedIndex);
        }
        return usable.size();
    }

    /**
     * For a store that writes event by event and learns only then that an event cannot be applied: each decodable
     * event in turn, up to the first record that cannot be used, which is named as above.
     *
     * @param applyOne one event, written once this returns; throws {@link EventNotApplicable} for an event that
     *        cannot be applied, anything else while the store is away
     * @return the number of events applied
     */
    public static int applyEach(EventBatch batch, java.util.function.Consumer<SpecificRecord> applyOne) {
        int applied = 0;
        for (EventBatch.Entry entry : batch.entries()) {
            RuntimeException atFault = entry.failure();
            if (atFault == null) {
                try {
                    applyOne.accept(entry.event());
                    applied++;
                    continue;
                } catch (EventNotApplicable notApplicable) {
                    atFault = notApplicable;
                }
            }
            throw new BatchListenerFailedException("Record " + entry.coordinates() + " could not be used", atFault, entry.index());
        }
        batch.acknowledge();
        return applied;
    }
}
