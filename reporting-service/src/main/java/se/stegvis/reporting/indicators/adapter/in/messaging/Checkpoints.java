package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.EventBatch;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.schemas.serde.DecodeFailure;

/**
 * When the projection's working state goes to the store, and when the offsets of the batches it holds are committed:
 * only ever after the store holds every change those batches made, so a restart replays at most what the store lacks.
 *
 * <p>At most every {@code interval} (and at once when the consumer is idle), the changes since the last checkpoint are
 * taken, with the offsets after every batch applied so far, and written on a thread of their own while the consumer
 * goes on; once the write holds, the consumer's thread commits those offsets at its next batch or idle moment. A
 * checkpoint that fails puts its changes and offsets back and the next one is written on the consumer's thread: while
 * that fails too, the batch fails and the consumer policy waits for the store. Before the container commits past a
 * record at fault ({@link #flush}), everything is written and settled on the consumer's thread. A replay that empties
 * the store ({@link #clearForReplay}) abandons the checkpoint under way once the part being written holds: a checkpoint
 * is written in parts of {@value #PART} documents, and the whole state after a rebuild is hundreds of thousands.
 *
 * <p>While a replay from the start is under way ({@link #replaying(boolean)}) no checkpoint begins merely because one
 * is due: the replay began by committing the topics' beginnings, so a restart meanwhile replays from the start
 * whatever was stored, and a checkpoint every interval would write most participants again and again while taking
 * the CPU the replay needs. The first checkpoint after it holds everything the replay built; an idle moment, a flush
 * and a failing store still begin one as before. Every method but the writer's runs on the consumer's thread.
 */
final class Checkpoints implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** Documents written between two looks at whether a replay abandoned the checkpoint. */
    static final int PART = 5_000;

    private final IndicatorProjection projection;
    private final ConsumerProgress progress;
    private final String group;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final int part;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    /** After every batch applied since the last checkpoint was taken: what the next one commits. */
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    private Running running;
    private boolean failing;
    private boolean replaying;
    private long lastTaken;

    /** A checkpoint being written: what it writes, what it commits once written, and whether a replay abandoned it. */
    private record Running(Future<?> write, ParticipantStore.Changes changes, Map<TopicPartition, OffsetAndMetadata> offsets,
                           AtomicBoolean abandoned) {
    }

    /** @param progress told while the group waits for its store (a checkpoint failed), and when it is back */
    Checkpoints(IndicatorProjection projection, ConsumerProgress progress, String group, Duration interval) {
        this(projection, progress, group, interval, System::nanoTime);
    }

    Checkpoints(IndicatorProjection projection, ConsumerProgress progress, String group, Duration interval, LongSupplier nanoTime) {
        this(projection, progress, group, interval, nanoTime, PART);
    }

    Checkpoints(IndicatorProjection projection, ConsumerProgress progress, String group, Duration interval, LongSupplier nanoTime,
            int part) {
        this.projection = projection;
        this.part = part;
        this.progress = progress;
        this.group = group;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastTaken = nanoTime.getAsLong();
    }

    /** After a batch was applied to the working state: its offsets wait for a checkpoint, which begins when due. */
    void applied(EventBatch batch) {
        for (EventBatch.Entry entry : batch.entries()) {
            TopicPartition partition = new TopicPartition(entry.topic(), entry.partition());
            OffsetAndMetadata next = new OffsetAndMetadata(entry.offset() + 1);
            applied.merge(partition, next, Checkpoints::later);
        }
        advance(batch.consumer(), false);
    }

    /** Whether a replay from the start is under way: then no checkpoint begins because it is due (see above). */
    void replaying(boolean replaying) {
        this.replaying = replaying;
    }

    /** While no records come: a checkpoint of what changed begins now rather than when due. */
    void idle(Consumer<?, ?> consumer) {
        advance(consumer, true, false);
    }

    /** Everything applied so far is stored and its offsets committed before this returns; throws while it cannot be. */
    void flush(Consumer<?, ?> consumer) {
        advance(consumer, true, true);
    }

    /**
     * Before a replay empties the store: the checkpoint under way stops after the part it is writing (what it wrote is
     * cleared, and none of it may land after the clear), and nothing applied before is committed.
     */
    void clearForReplay(Runnable clear) {
        if (running != null) {
            running.abandoned().set(true);
            try {
                running.write().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a checkpoint was written", e);
            } catch (ExecutionException ignored) {
                // what it did not write is cleared anyway
            }
            running = null;
        }
        applied.clear();
        if (failing) {
            failing = false;
            progress.resumed(group);
        }
        clear.run();
        replaying = true;
    }

    private void advance(Consumer<?, ?> consumer, boolean now) {
        advance(consumer, now, false);
    }

    /**
     * @param now begin a checkpoint without waiting for the interval
     * @param settle wait for the checkpoint under way and write the next on this thread
     */
    private void advance(Consumer<?, ?> consumer, boolean now, boolean settle) {
        if (running != null && (settle || running.write().isDone())) {
            finish(consumer);
        }
        if (running != null || !(now || failing || !replaying && nanoTime.getAsLong() - lastTaken >= intervalNanos)) {
            return;
        }
        ParticipantStore.Changes changes = projection.takeChanges();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(applied);
        applied.clear();
        lastTaken = nanoTime.getAsLong();
        if (changes.isEmpty() || settle || failing) {
            try {
                projection.store(changes.inIdOrder());
            } catch (RuntimeException storeAway) {
                putBack(changes, offsets);
                failing = true;
                progress.waiting(group, DecodeFailure.classes(storeAway));
                throw storeAway;
            }
            if (failing) {
                failing = false;
                progress.resumed(group);
            }
            commit(consumer, offsets);
        } else {
            AtomicBoolean abandoned = new AtomicBoolean();
            running = new Running(writer.submit(() -> write(changes, abandoned)), changes, offsets, abandoned);
        }
    }

    /**
     * On the writer's thread: part after part, in the order of the documents' ids (sorted here rather than on the
     * consumer's thread: the first checkpoint after a rebuild holds every document), until all are written or a
     * replay abandons the checkpoint.
     */
    private void write(ParticipantStore.Changes changes, AtomicBoolean abandoned) {
        for (ParticipantStore.Changes next : changes.inIdOrder().inParts(part)) {
            if (abandoned.get()) {
                throw new CancellationException("abandoned for a replay");
            }
            projection.store(next);
        }
    }

    private void finish(Consumer<?, ?> consumer) {
        Running done = running;
        running = null;
        try {
            done.write().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            putBack(done.changes(), done.offsets());
            throw new IllegalStateException("Interrupted while a checkpoint was written", e);
        } catch (ExecutionException e) {
            putBack(done.changes(), done.offsets());
            failing = true;
            progress.waiting(group, DecodeFailure.classes(e.getCause()));
            log.warn("A checkpoint of the read model failed ({} documents); the next is written before more is committed: {}",
                    done.changes().size(), DecodeFailure.classes(e.getCause()));
            return;
        }
        commit(consumer, done.offsets());
    }

    private void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty() || consumer == null) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (RuntimeException kafkaAway) {
            // Stored but not committed: committed with the next checkpoint; a restart meanwhile replays them, harmlessly.
            offsets.forEach((partition, offset) -> applied.merge(partition, offset, Checkpoints::later));
            throw kafkaAway;
        }
    }

    private void putBack(ParticipantStore.Changes changes, Map<TopicPartition, OffsetAndMetadata> offsets) {
        projection.putBack(changes);
        offsets.forEach((partition, offset) -> applied.merge(partition, offset, Checkpoints::later));
    }

    private static OffsetAndMetadata later(OffsetAndMetadata one, OffsetAndMetadata other) {
        return one.offset() >= other.offset() ? one : other;
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
