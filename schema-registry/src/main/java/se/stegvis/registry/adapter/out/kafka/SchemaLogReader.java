package se.stegvis.registry.adapter.out.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.registry.domain.Registry;

/**
 * The one thread that builds the registry: it reads the topic from the beginning and applies every record. It also
 * tells writers when their record has been applied, and {@link #start} returns only once the log read at start is
 * caught up, so the registry serves nothing before it knows everything.
 */
public final class SchemaLogReader {

    private static final Logger log = LoggerFactory.getLogger(SchemaLogReader.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final SchemaRecords records;
    private final Registry registry;
    private final Thread thread;
    private volatile boolean running = true;
    private long position;

    public SchemaLogReader(String bootstrapServers, String topic, Registry registry) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        this.partition = new TopicPartition(topic, 0);
        this.records = new SchemaRecords(topic);
        this.registry = registry;
        this.thread = new Thread(this::run, "schema-log-reader");
        this.thread.setDaemon(true);
    }

    /** Starts reading and blocks until everything in the log at this moment has been applied. */
    public void start(Duration timeout) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        thread.start();
        if (!awaitPosition(end, timeout)) {
            throw new IllegalStateException("The registry log was not read up to offset " + end + " in " + timeout);
        }
        log.info("Registry log {} read up to offset {}", partition.topic(), end);
    }

    /** Waits until every record before {@code offset} has been applied; false when the wait timed out. */
    public synchronized boolean awaitPosition(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public void stop() {
        if (!thread.isAlive()) {
            consumer.close();
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    private void pollOnce() {
        try {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
            advanceTo(consumer.position(partition));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Reading the registry log failed; retrying", e);
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            records.decode(record).ifPresent(registry::apply);
        } catch (SchemaRecords.UnsupportedSchemaType e) {
            records.schemaId(record).ifPresent(registry::idSeen);
        } catch (RuntimeException e) {
            log.warn("Skipping the unreadable record at offset {} of the registry log: {}", record.offset(),
                    e.getClass().getSimpleName());
        }
    }

    private synchronized void advanceTo(long next) {
        position = next;
        notifyAll();
    }
}
