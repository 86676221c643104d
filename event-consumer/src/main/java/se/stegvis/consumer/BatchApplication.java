package se.stegvis.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

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
 *
 * <p>What was applied is reported to {@link ConsumerProgress} here, once for every consumer: a batch used whole
 * once it is committed, and the events written before a record at fault too, as the container commits them and
 * never hands them over again, while the record at fault is counted only once it is applied or set aside. After a
 * batch that failed in any way, the lag is asked of the broker ({@link ConsumerProgress#measureFailed}) before the
 * failure goes to the container, since a consumer that waits learns of nothing new from its fetches.
 */
public final class BatchApplication {

    private BatchApplication() {
    }

    /**
     * @param translate an event into what the store writes; null to pass an event over that this consumer has no use
     *        for (it is committed with the rest); throws {@link EventNotApplicable} for an event that cannot be used
     * @param write the translated events, in order, in one write; returns once the write holds
     * @param progress where the events written are counted
     * @return the number of events written
     */
    public static <T> int apply(EventBatch batch, Function<SpecificRecord, T> translate,
            java.util.function.Consumer<List<T>> write, ConsumerProgress progress) {
        return measuredIfFailed(batch, progress, () -> applyPrefix(batch, translate, write, progress, true));
    }

    /**
     * As {@link #apply}, but commits nothing: for a consumer that writes its store at checkpoints of its own and
     * commits the offsets of what it applied only once a checkpoint holds it. Before the record at fault is handed to
     * the container (which commits the records before it, and that record once set aside), such a consumer must have
     * stored everything it applied.
     */
    public static <T> int applyUncommitted(EventBatch batch, Function<SpecificRecord, T> translate,
            java.util.function.Consumer<List<T>> write, ConsumerProgress progress) {
        return measuredIfFailed(batch, progress, () -> applyPrefix(batch, translate, write, progress, false));
    }

    private static <T> int applyPrefix(EventBatch batch, Function<SpecificRecord, T> translate,
            java.util.function.Consumer<List<T>> write, ConsumerProgress progress, boolean commit) {
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
            throw recordAtFault(batch, failedIndex, atFault, usable.size(), progress);
        }
        return applied(batch, usable.size(), progress, commit);
    }

    /**
     * For a store that writes event by event and learns only then that an event cannot be applied: each decodable
     * event in turn, up to the first record that cannot be used, which is named as above.
     *
     * @param applyOne one event, written once this returns; throws {@link EventNotApplicable} for an event that
     *        cannot be applied, anything else while the store is away
     * @param progress where the events applied are counted
     * @return the number of events applied
     */
    public static int applyEach(EventBatch batch, java.util.function.Consumer<SpecificRecord> applyOne, ConsumerProgress progress) {
        return measuredIfFailed(batch, progress, () -> applyInTurn(batch, applyOne, progress));
    }

    private static int applyInTurn(EventBatch batch, java.util.function.Consumer<SpecificRecord> applyOne, ConsumerProgress progress) {
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
            throw recordAtFault(batch, entry.index(), atFault, applied, progress);
        }
        return applied(batch, applied, progress, true);
    }

    /**
     * Runs the application; should it fail (a store or Kafka away, a record at fault), measures the lag from the
     * broker before the failure goes on to the container, which then waits or retries with the consumer paused: from
     * the record at fault where one was named (what came before it was applied), else from the batch's start.
     */
    private static int measuredIfFailed(EventBatch batch, ConsumerProgress progress, IntSupplier application) {
        try {
            return application.getAsInt();
        } catch (RuntimeException failed) {
            if (batch.consumer() != null) {
                List<EventBatch.Entry> entries = batch.entries();
                int firstUnapplied = failed instanceof BatchListenerFailedException named && named.getIndex() >= 0
                        && named.getIndex() < entries.size() ? named.getIndex() : 0;
                progress.measureFailed(batch.group(), batch.consumer(), entries.subList(firstUnapplied, entries.size()));
            }
            throw failed;
        }
    }

    /**
     * The batch used whole: committed (unless its consumer commits at checkpoints of its own), then counted (a commit
     * that fails leaves it to be applied and counted again).
     */
    private static int applied(EventBatch batch, int events, ConsumerProgress progress, boolean commit) {
        if (commit) {
            batch.acknowledge();
        }
        progress.batchApplied(batch, events);
        return events;
    }

    /**
     * Counts the events written before the record at fault (the container commits them on receiving the exception,
     * and goes on from the record) and names the record.
     */
    private static BatchListenerFailedException recordAtFault(EventBatch batch, int index, RuntimeException cause,
            int writtenBefore, ConsumerProgress progress) {
        progress.appliedBefore(batch.group(), writtenBefore);
        EventBatch.Entry failed = batch.entries().get(index);
        return new BatchListenerFailedException("Record " + failed.coordinates() + " could not be used", cause, index);
    }
}
