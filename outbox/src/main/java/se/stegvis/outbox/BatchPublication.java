package se.stegvis.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;

/**
 * One round of the relay over a batch of documents of one collection: every pending entry is sent, then each
 * document loses exactly the entries Kafka acknowledged before its first failure. An entry after a failed one stays
 * even if it was acknowledged: it goes out again after the failed one, so a consumer that de-duplicates on eventId
 * sees the document's events in order. A document that lost every entry it was read with also loses its mark, unless
 * a write marked it anew meanwhile ({@link PendingMark}).
 */
final class BatchPublication {

    private static final long AWAIT_SLICE_MS = 50;

    private final Producer<String, Object> producer;
    private final BooleanSupplier stopping;
    private boolean halted;

    BatchPublication(Producer<String, Object> producer, BooleanSupplier stopping) {
        this.producer = producer;
        this.stopping = stopping;
    }

    /** What a round achieved: entries published and removed, entries that failed, and the first failure. */
    record Result(int published, int failed, OutboxEntry firstFailedEntry, Throwable firstFailure) {

        static final Result NONE = new Result(0, 0, null, null);

        Result plus(Result other) {
            return firstFailure != null ? new Result(published + other.published, failed + other.failed, firstFailedEntry, firstFailure)
                    : new Result(published + other.published, failed + other.failed, other.firstFailedEntry, other.firstFailure);
        }
    }

    Result publish(MongoCollection<Document> collection, List<Document> documents) {
        List<Sending> sendings = documents.stream().map(this::send).toList();
        Result result = Result.NONE;
        List<UpdateOneModel<Document>> removals = new ArrayList<>(sendings.size());
        for (Sending sending : sendings) {
            result = result.plus(settle(sending, removals));
        }
        if (!removals.isEmpty()) {
            // Ordered: a document's mark goes only after its entries did, so a write that fails half-way never leaves
            // entries unmarked (a mark left on an empty outbox is removed at a later round).
            collection.bulkWrite(removals, new BulkWriteOptions().ordered(true));
        }
        return result;
    }

    /**
     * Sends every entry of one document in order. A send that Kafka's client fails at once (no metadata within
     * max.block.ms: the cluster is unreachable; or the registry cannot be reached) halts the round: the documents
     * after it are not sent, so a batch costs one max.block.ms while Kafka is down, not one per entry. An entry that
     * cannot be decoded fails only its own document.
     */
    private Sending send(Document document) {
        List<OutboxEntry> entries = Outbox.entriesOf(document);
        List<Future<RecordMetadata>> futures = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size() && !halted; i++) {
            OutboxEntry entry = entries.get(i);
            SpecificRecord event;
            try {
                event = entry.event();
            } catch (RuntimeException e) {
                futures.add(CompletableFuture.failedFuture(e));
                break;
            }
            futures.add(send(entry, event));
            halted = failedAlready(futures.get(i));
        }
        return new Sending(document.get("_id"), Outbox.MARK.tokenOf(document), entries, futures);
    }

    private Future<RecordMetadata> send(OutboxEntry entry, SpecificRecord event) {
        try {
            return producer.send(new ProducerRecord<>(entry.topic(), entry.key(), event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean failedAlready(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Awaits the document's acknowledgements and adds the removal of the acknowledged entries to the round's one
     * bulk write (one round trip for the batch; each removal is still a single-document update, so a document that
     * gained entries meanwhile keeps them), and, when all it was read with went out, the removal of its mark.
     */
    private Result settle(Sending sending, List<UpdateOneModel<Document>> removals) {
        List<String> acknowledged = new ArrayList<>();
        Result failure = Result.NONE;
        for (int i = 0; i < sending.futures().size() && failure == Result.NONE; i++) {
            Throwable error = await(sending.futures().get(i));
            if (error == null) {
                acknowledged.add(sending.entries().get(i).eventId());
            } else {
                failure = new Result(0, 1, sending.entries().get(i), error);
            }
        }
        if (!acknowledged.isEmpty()) {
            removals.add(new UpdateOneModel<>(Filters.eq("_id", sending.id()), Outbox.remove(acknowledged)));
        }
        if (sending.mark() != null && acknowledged.size() == sending.entries().size()) {
            removals.add(new UpdateOneModel<>(Outbox.MARK.stillMarkedAs(sending.mark()), Outbox.MARK.unmark()));
        }
        return new Result(acknowledged.size(), 0, null, null).plus(failure);
    }

    /** Null once acknowledged, else why not; gives up (as a failure) when the relay is being stopped. */
    private Throwable await(Future<RecordMetadata> future) {
        while (true) {
            try {
                future.get(AWAIT_SLICE_MS, TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                if (stopping.getAsBoolean()) {
                    return new IllegalStateException("relay stopped before the acknowledgement");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
    }

    private record Sending(Object id, String mark, List<OutboxEntry> entries, List<Future<RecordMetadata>> futures) {
    }
}
