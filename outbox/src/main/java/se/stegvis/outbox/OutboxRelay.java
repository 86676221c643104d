package se.stegvis.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * Publishes the pending outbox entries of some collections to Kafka, on a daemon thread of its own, and removes each
 * entry once Kafka has acknowledged it (idempotent producer, {@code acks=all}). An entry is removed only after its
 * acknowledgement, so a crash in between sends it again with the same eventId: delivery is at least once.
 *
 * <p>When Kafka cannot be reached, entries stay where they are and the relay retries with a growing back-off; it
 * recovers by itself when Kafka returns. The producer is created on the relay's thread, and created again after an
 * error it cannot retry, so neither an unreachable cluster at start nor a fatal producer state stops the loop.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final OutboxRelaySettings settings;
    private final List<MongoCollection<Document>> collections;
    private final Supplier<Producer<String, Object>> producers;
    private final Doorbell doorbell = new Doorbell();
    private final Hints hints = new Hints();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** Counts the backlog for the gauges, so a scrape never waits on MongoDB longer than {@link PendingGauge#WAIT}. */
    private final ExecutorService gaugeCounts = Executors.newSingleThreadExecutor(runnable -> {
        Thread counting = new Thread(runnable, "outbox-pending-count");
        counting.setDaemon(true);
        return counting;
    });
    private Thread thread;
    private Producer<String, Object> producer;
    /** Whether the mark's index is there and entries from before marks are marked (once, at the first round). */
    private boolean prepared;

    /** A relay that writes with {@link ConfluentAvroSerializer} configured from the producer properties. */
    public OutboxRelay(OutboxRelaySettings settings, List<MongoCollection<Document>> collections, MeterRegistry meters) {
        this(settings, collections, meters, null);
    }

    /**
     * @param meters where {@code stegvis.outbox.pending} (one per collection, tag {@code collection}),
     *        {@code stegvis.outbox.published} and {@code stegvis.outbox.publish.failures} are registered; may be null
     * @param valueSerializer a ready serializer (e.g. on an in-memory registry); null for one configured from the
     *        producer properties
     */
    public OutboxRelay(OutboxRelaySettings settings, List<MongoCollection<Document>> collections, MeterRegistry meters,
                       Serializer<Object> valueSerializer) {
        this.settings = settings;
        this.collections = List.copyOf(collections);
        this.producers = () -> new KafkaProducer<>(settings.producerConfig(), new StringSerializer(),
                valueSerializer != null ? valueSerializer : configuredSerializer(settings));
        if (meters != null) {
            // One gauge per collection, so a backlog names its aggregate; sum over collection for the service's total.
            for (MongoCollection<Document> collection : this.collections) {
                PendingGauge pending = new PendingGauge(() -> pendingCount(collection), gaugeCounts);
                Gauge.builder("stegvis.outbox.pending", pending, PendingGauge::value)
                        .strongReference(true) // nothing else holds it: a weakly held gauge turns NaN at the next GC
                        .tag("collection", collection.getNamespace().getCollectionName())
                        .description("Outbox entries not yet acknowledged by Kafka, per collection").register(meters);
            }
            FunctionCounter.builder("stegvis.outbox.published", published, AtomicLong::get)
                    .description("Outbox entries acknowledged by Kafka and removed").register(meters);
            FunctionCounter.builder("stegvis.outbox.publish.failures", failures, AtomicLong::get)
                    .description("Failed attempts to publish an entry (or failed relay rounds)").register(meters);
        }
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("An outbox relay starts once; create a new one to start again");
        }
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Ends the loop and waits for it, at most {@link #STOP_WAIT}: a round stuck on an unreachable MongoDB would
     * otherwise hold the service's shutdown for the driver's whole server-selection timeout. Entries not yet
     * acknowledged stay pending for the next relay either way.
     */
    public void stop() {
        gaugeCounts.shutdownNow();
        stopping.countDown();
        doorbell.ring();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(STOP_WAIT.toMillis());
                if (running.isAlive()) {
                    log.warn("Outbox relay still in a round after {} s; leaving it (pending entries stay pending)", STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Publish now rather than at the next poll, searching every collection for pending entries. */
    public void wakeUp() {
        hints.everything();
        doorbell.ring();
    }

    /**
     * Publish now the entries of the document with this _id (in any of the relay's collections): call it right after
     * a write that appended entries. Cheaper than {@link #wakeUp()}: the round fetches that document by its id.
     */
    public void wakeUp(Object documentId) {
        hints.document(documentId);
        doorbell.ring();
    }

    /** Entries waiting in all the relay's collections (one query per collection, answered from the mark's index). */
    public long pendingCount() {
        long count = 0;
        for (MongoCollection<Document> collection : collections) {
            count += pendingCount(collection);
        }
        return count;
    }

    private static long pendingCount(MongoCollection<Document> collection) {
        long count = 0;
        for (Document document : collection.find(Outbox.pending())
                .projection(Projections.include(Outbox.FIELD + "." + OutboxEntry.EVENT_ID))) {
            count += document.getList(Outbox.FIELD, Object.class).size();
        }
        return count;
    }

    private boolean stopping() {
        return stopping.getCount() == 0;
    }

    private void run() {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        boolean idle = false;
        try {
            while (!stopping()) {
                Round round = round(idle);
                idle = false;
                if (round.failed()) {
                    stopping.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    backoff.reset();
                    if (!round.full()) {
                        idle = !doorbell.await(settings.idlePollInterval());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeProducer();
        }
    }

    private record Round(boolean failed, boolean full) {
    }

    /**
     * One pass: the hinted documents by id, or every collection's marked documents when asked to (at start, after a
     * failure, at the idle interval). A full batch, or hints left over, mean more may be waiting: the next pass comes
     * at once.
     */
    private Round round(boolean idle) {
        try {
            if (producer == null) {
                producer = producers.get();
            }
            if (!prepared) {
                collections.forEach(Outbox::prepare);
                prepared = true;
            }
            boolean searchAll = hints.takeSearchAll() || idle;
            List<Object> hinted = searchAll ? List.of() : hints.take(settings.batchSize());
            if (!searchAll && hinted.isEmpty()) {
                return new Round(false, false);
            }
            // By id alone: mongo-java-server answers "_id in" from its index, but "_id in and outbox.0 exists" by a
            // full scan; documents with neither entries nor a mark (published already) are dropped below.
            Bson pending = searchAll ? Outbox.pending() : Filters.in("_id", hinted);
            BatchPublication publication = new BatchPublication(producer, this::stopping);
            BatchPublication.Result result = BatchPublication.Result.NONE;
            boolean full = false;
            for (MongoCollection<Document> collection : collections) {
                List<Document> batch = collection.find(pending).sort(Outbox.oldestFirst())
                        .projection(Projections.include(Outbox.FIELD, Outbox.MARK.field())).limit(settings.batchSize())
                        .into(new ArrayList<>());
                batch.removeIf(document -> document.getList(Outbox.FIELD, Document.class, List.of()).isEmpty()
                        && Outbox.MARK.tokenOf(document) == null);
                full |= batch.size() == settings.batchSize();
                result = result.plus(publication.publish(collection, batch));
            }
            account(result);
            if (result.firstFailure() != null || (searchAll && full)) {
                hints.everything();
            }
            return new Round(result.firstFailure() != null, full || hints.anyDocuments());
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            hints.everything();
            log.warn("Outbox relay round failed, retrying after a pause: {}", e.toString());
            recreateProducerAfter(e);
            return new Round(true, false);
        }
    }

    private void account(BatchPublication.Result result) {
        published.addAndGet(result.published());
        failures.addAndGet(result.failed());
        if (result.firstFailure() != null && !stopping()) {
            OutboxEntry first = result.firstFailedEntry();
            log.warn("Could not publish {} outbox entries (first: event {} to {}), retrying after a pause: {}",
                    result.failed(), first.eventId(), first.topic(), result.firstFailure().toString());
            recreateProducerAfter(result.firstFailure());
        } else if (result.published() > 0) {
            log.debug("Published {} outbox entries", result.published());
        }
    }

    /**
     * Timeouts and other retriable errors leave the producer usable (it reconnects when the cluster returns); any
     * other producer error may leave it in a state it cannot leave, so a fresh one takes over. Errors outside Kafka
     * (an entry that cannot be decoded, MongoDB unreachable) say nothing about the producer.
     */
    private void recreateProducerAfter(Throwable error) {
        if (error instanceof KafkaException && !(error instanceof RetriableException)
                && !(error instanceof SerializationException)) {
            closeProducer();
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing the outbox producer failed: {}", e.toString());
            }
            producer = null;
        }
    }

    private static Serializer<Object> configuredSerializer(OutboxRelaySettings settings) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(settings.producerConfig(), false);
        return serializer;
    }
}
