package se.stegvis.replica;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.schemas.serde.DecodeFailure;

/**
 * Keeps a {@link MongoReplica} up to date from {@code stegvis.projects.v1} and {@code stegvis.participants.v1}, with a
 * plain {@link KafkaConsumer} on a daemon thread of its own (see docs/decisions/0004). Offsets are committed only
 * after the polled records are in MongoDB, so a crash in between delivers them again, which the replica's
 * idempotence makes harmless. While Kafka, the registry or MongoDB is unreachable it retries with a growing back-off
 * and never gives up; a record that cannot be decoded is counted and skipped.
 */
public final class ReplicaConsumer {

    private static final Logger log = LoggerFactory.getLogger(ReplicaConsumer.class);
    /** Long enough to leave the group politely, short enough that a service whose Kafka is gone stops promptly. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ReplicaSettings settings;
    private final MongoReplica replica;
    private final Deserializer<Object> valueDeserializer;
    private final ReplicaProgress progress;
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private volatile KafkaConsumer<String, Object> consumer;
    private Thread thread;
    private CountDownLatch stopping;

    /**
     * @param meters where {@code stegvis.replica.skipped}, {@code stegvis.replica.applied} and
     *        {@code stegvis.replica.lag} are registered; may be null
     */
    public ReplicaConsumer(ReplicaSettings settings, MongoReplica replica, MeterRegistry meters) {
        this(settings, replica, meters, null);
    }

    /** @param valueDeserializer a ready deserializer (e.g. on an in-memory registry); null for one from the settings */
    ReplicaConsumer(ReplicaSettings settings, MongoReplica replica, MeterRegistry meters, Deserializer<Object> valueDeserializer) {
        this.settings = settings;
        this.replica = replica;
        this.valueDeserializer = valueDeserializer;
        this.progress = new ReplicaProgress(meters);
    }

    /** Starts consuming on a thread of its own; returns at once, also while Kafka is down. Again: nothing happens. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch signal = new CountDownLatch(1);
        stopping = signal;
        thread = new Thread(() -> run(signal), "participant-replica");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop and waits for it; records polled but not yet committed come again after the next start. */
    public void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            if (running == null) {
                return;
            }
            stopping.countDown();
            thread = null;
        }
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Empties the replica and replays both topics from the start. It happens on the consumer's thread before its
     * next poll, once it has partitions; {@link #caughtUp()} is false until the replay has reached the end. With
     * several members in the group only this member's partitions are replayed: rebuild a replica with one member.
     */
    public void rebuild() {
        rebuildRequested.set(true);
    }

    /** True when the consumer has reached the end offsets it last saw on every partition it is assigned. */
    public boolean caughtUp() {
        return progress.caughtUp() && !rebuildRequested.get();
    }

    private void run(CountDownLatch signal) {
        int failures = 0;
        try {
            while (signal.getCount() > 0) {
                if (round()) {
                    failures = 0;
                } else {
                    signal.await(settings.backoffAfter(++failures).toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConsumer();
        }
    }

    /** One poll, applied and committed; false when it failed and the loop should pause. */
    private boolean round() {
        try {
            if (consumer == null) {
                consumer = subscribedConsumer();
            }
            rebuildIfRequested();
            ConsumerRecords<String, Object> records;
            try {
                records = consumer.poll(settings.pollTimeout());
            } catch (RecordDeserializationException e) {
                return skipOrWait(e);
            }
            applyAndCommit(records);
            progress.measure(consumer);
            return true;
        } catch (WakeupException e) {
            return true;
        } catch (RuntimeException e) {
            measureWhatIsLeft();
            progress.behind();
            if (e instanceof FencedInstanceIdException) {
                Map<String, Object> config = settings.consumerConfig();
                log.error("Another consumer joined group {} under this one's group.instance.id {}: each running instance "
                        + "needs an id of its own (stegvis.kafka.instance-id); retrying after a pause",
                        config.get(ConsumerConfig.GROUP_ID_CONFIG), config.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
            } else {
                log.warn("Participant replica round failed, retrying after a pause: {}", e.toString());
            }
            recreateConsumerAfter(e);
            return false;
        }
    }

    /**
     * Retriable Kafka errors (a broker away) and errors outside Kafka (MongoDB away) leave the consumer usable; after
     * any other Kafka error a fresh consumer takes over from the committed offsets, so none is passed over.
     */
    private void recreateConsumerAfter(RuntimeException error) {
        if (error instanceof KafkaException && !(error instanceof RetriableException)) {
            closeConsumer();
        }
    }

    private KafkaConsumer<String, Object> subscribedConsumer() {
        Map<String, Object> config = settings.consumerConfig();
        Deserializer<Object> values = valueDeserializer;
        if (values == null) {
            values = new ConfluentAvroDeserializer();
            values.configure(config, false);
        }
        KafkaConsumer<String, Object> created = new KafkaConsumer<>(config, new StringDeserializer(), values);
        created.subscribe(Arrays.asList(EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName()));
        return created;
    }

    /** Waits for partitions: clearing before there are any would leave the replica empty up to the committed offsets. */
    private void rebuildIfRequested() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (rebuildRequested.get() && !assigned.isEmpty()) {
            progress.behind();
            replica.clear();
            consumer.seekToBeginning(assigned);
            rebuildRequested.set(false);
            log.info("Rebuilding the participant replica from the start of {}", assigned);
        }
    }

    private void applyAndCommit(ConsumerRecords<String, Object> records) {
        if (!records.isEmpty()) {
            progress.behind();
        }
        try {
            for (ConsumerRecord<String, Object> record : records) {
                if (record.value() instanceof SpecificRecord event) {
                    replica.apply(event);
                    progress.applied();
                }
            }
        } catch (RuntimeException e) {
            rewind(records);
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> next = records.nextOffsets();
        if (!next.isEmpty()) {
            consumer.commitSync(next);
        }
    }

    /**
     * After a failed round the lag is what the last fetches brought less where the consumer stands now (no broker
     * call), so the gauge shows the backlog growing while MongoDB or the registry is away instead of its last value.
     */
    private void measureWhatIsLeft() {
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            try {
                progress.measure(current);
            } catch (RuntimeException e) {
                log.debug("The replica's lag could not be measured after a failed round: {}", e.toString());
            }
        }
    }

    /** Back to the first record of the batch on each partition, so a failed write is tried again, not passed over. */
    private void rewind(ConsumerRecords<String, Object> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private boolean skipOrWait(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        if (DecodeFailure.registryUnavailable(e)) {
            log.warn("Cannot decode {} offset {} while the schema registry is unavailable ({}), retrying after a pause",
                    partition, e.offset(), DecodeFailure.classes(e));
            consumer.seek(partition, e.offset());
            measureWhatIsLeft();
            return false;
        }
        progress.skipped();
        log.warn("Skipped an undecodable record at {} offset {}: {}", partition, e.offset(), DecodeFailure.classes(e));
        consumer.seek(partition, e.offset() + 1);
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(e.offset() + 1)));
        return true;
    }

    private void closeConsumer() {
        progress.unknown();
        KafkaConsumer<String, Object> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                log.debug("Closing the replica's consumer failed: {}", e.toString());
            }
        }
    }
}
