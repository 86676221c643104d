package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.RebuildProgress;
import se.stegvis.reporting.indicators.application.Replay;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.schemas.serde.DecodeFailure;

/**
 * Feeds the {@link IndicatorProjection} from all four topics with a plain {@link KafkaConsumer} on a thread of its
 * own, as participant-replica's ReplicaConsumer does. Each poll: decode, apply the decodable events, set the rest
 * aside as dead letters, and only then commit. A failure (MongoDB, Kafka, the registry away) rewinds to the batch's
 * first records and retries after a growing pause; the projection's idempotence makes the repeat harmless. Values
 * are read as bytes and decoded here, so a bad record is one dead letter, not a stuck partition.
 */
public final class ProjectionConsumer implements Replay {

    /**
     * The topics the indicators are counted from. Not the memberships topic: who may see what is read by the access
     * layer ({@code MembershipTopic}), and a membership here would only be set aside as a record the projection
     * does not know.
     */
    public static final List<EventTopic> PROJECTED_TOPICS = List.of(EventTopic.PROJECTS, EventTopic.PARTICIPANTS,
            EventTopic.ACTIVITIES, EventTopic.OUTCOMES);

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ProjectionSettings settings;
    private final IndicatorProjection projection;
    private final DeadLetters deadLetters;
    private final ProjectionMetrics metrics;
    private final RebuildTracker rebuild;
    private final Deserializer<Object> values;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private CountDownLatch stopping;
    private boolean storeChecked;

    public ProjectionConsumer(ProjectionSettings settings, IndicatorProjection projection, DeadLetters deadLetters,
            io.micrometer.core.instrument.MeterRegistry meters, java.time.Clock clock) {
        this.settings = settings;
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.metrics = new ProjectionMetrics(meters);
        this.rebuild = new RebuildTracker(clock);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(settings.consumerConfig(), false);
        this.values = deserializer;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch signal = new CountDownLatch(1);
        stopping = signal;
        thread = new Thread(() -> run(signal), "reporting-projection");
        thread.setDaemon(true);
        thread.start();
    }

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
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close();
    }

    @Override
    public RebuildProgress requestRebuild() {
        return rebuild.request();
    }

    @Override
    public RebuildProgress progress() {
        return rebuild.progress();
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

    private boolean round() {
        ConsumerRecords<byte[], byte[]> records = ConsumerRecords.empty();
        try {
            if (consumer == null) {
                consumer = subscribedConsumer();
            }
            if (!storeChecked) {
                replayIfEmpty();
            }
            if (rebuild.due(consumer.assignment())) {
                beginRebuild();
            }
            records = consumer.poll(settings.pollTimeout());
            applyAndCommit(records);
            metrics.measure(consumer);
            rebuild.measure(consumer);
            return true;
        } catch (WakeupException e) {
            return true;
        } catch (RuntimeException e) {
            if (e instanceof FencedInstanceIdException) {
                log.error("Another consumer joined group {} under this one's group.instance.id {}: run one instance per "
                        + "read model, each with an id of its own (stegvis.kafka.instance-id); retrying after a pause",
                        settings.groupId(), settings.instanceId());
            } else {
                log.warn("Projection round failed, retrying after a pause: {}", DecodeFailure.classes(e));
            }
            measureWhatIsLeft(records);
            rewind(records);
            if (e instanceof KafkaException && !(e instanceof RetriableException)) {
                closeConsumer();
            }
            return false;
        }
    }

    /**
     * A read model found empty when the consumer first runs (thrown away while the service was stopped, or new) is
     * rebuilt from the start of every topic: the offsets the group committed describe a store that is gone, and going
     * on from them would leave out everything before. Checked once, on this thread, before the first poll; whatever
     * that poll applies is emptied again when the replay begins (once partitions are assigned).
     */
    private void replayIfEmpty() {
        if (projection.isEmpty()) {
            rebuild.request();
            log.info("The read model is empty: replaying every topic from its start");
        }
        storeChecked = true;
    }

    /**
     * Empties the store, then commits the beginning of every partition at once: should the consumer or the service
     * stop before the replay ends, it resumes the replay instead of going on from the old offsets over an empty store.
     */
    private void beginRebuild() {
        projection.clear();
        Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
        consumer.beginningOffsets(consumer.assignment()).forEach((partition, offset) -> starts.put(partition, new OffsetAndMetadata(offset)));
        consumer.seekToBeginning(consumer.assignment());
        consumer.commitSync(starts);
        rebuild.began(consumer);
        log.info("Rebuilding the read model from the start of {}", consumer.assignment());
    }

    private void applyAndCommit(ConsumerRecords<byte[], byte[]> records) {
        List<ProjectionEvent> events = new ArrayList<>();
        List<DeadLetters.DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                events.add(EventTranslation.translate(values.deserialize(record.topic(), record.value())));
            } catch (EventTranslation.Unprocessable e) {
                letters.add(new DeadLetters.DeadLetter(record, "unprocessable", DecodeFailure.classes(e)));
            } catch (RuntimeException e) {
                if (DecodeFailure.registryUnavailable(e)) {
                    throw e;
                }
                letters.add(new DeadLetters.DeadLetter(record, "undecodable", DecodeFailure.classes(e)));
            }
        }
        projection.apply(events);
        metrics.applied(events.size());
        deadLetters.publish(letters);
        for (DeadLetters.DeadLetter letter : letters) {
            log.warn("Set aside {}-{} offset {} on {}: {}", letter.record().topic(), letter.record().partition(),
                    letter.record().offset(), DeadLetters.TOPIC, letter.reason());
        }
        metrics.deadLettered(letters.size());
        Map<TopicPartition, OffsetAndMetadata> next = records.nextOffsets();
        if (!next.isEmpty()) {
            consumer.commitSync(next);
        }
    }

    /**
     * After a failed round the lag is what the last fetches brought less where the consumer stands, plus the failed
     * batch it goes back over (no broker call): while MongoDB or the registry is away the gauge shows the backlog
     * growing instead of its last value.
     */
    private void measureWhatIsLeft(ConsumerRecords<byte[], byte[]> failed) {
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            try {
                metrics.measure(current, failed.count());
            } catch (RuntimeException e) {
                log.debug("The projection's lag could not be measured after a failed round: {}", e.getClass().getName());
            }
        }
    }

    /** Back to each partition's first record of the batch, so nothing of a failed batch is passed over. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current == null) {
            return;
        }
        try {
            for (TopicPartition partition : records.partitions()) {
                current.seek(partition, records.records(partition).get(0).offset());
            }
        } catch (RuntimeException e) {
            closeConsumer(); // a fresh consumer starts from the committed offsets, which is the same place
        }
    }

    private KafkaConsumer<byte[], byte[]> subscribedConsumer() {
        KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(settings.consumerConfig(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        created.subscribe(PROJECTED_TOPICS.stream().map(EventTopic::topicName).toList());
        return created;
    }

    private void closeConsumer() {
        metrics.unknown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                log.debug("Closing the projection's consumer failed: {}", e.getClass().getName());
            }
        }
    }
}
