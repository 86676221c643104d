package se.stegvis.registry.adapter.out.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import se.stegvis.registry.application.SchemaLog;
import se.stegvis.registry.application.SchemaLogException;
import se.stegvis.registry.domain.LogEntry;

/**
 * Writes entries to the registry topic (idempotent, acks=all, synchronously) and waits until the reader has applied
 * the last of them: the answer to a write is always state that came out of the log.
 */
public final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final SchemaRecords records;
    private final SchemaLogReader reader;
    private final Duration timeout;

    public KafkaSchemaLog(String bootstrapServers, String topic, SchemaLogReader reader, Duration timeout) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
        this.records = new SchemaRecords(topic);
        this.reader = reader;
        this.timeout = timeout;
    }

    @Override
    public void append(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long last = send(entries);
        if (!reader.awaitPosition(last + 1, timeout)) {
            throw new SchemaLogException("Write to the Kafka store timed out while waiting for the reader", true, null);
        }
    }

    private long send(List<LogEntry> entries) {
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            entries.forEach(entry -> sent.add(producer.send(records.encode(entry))));
            long last = -1;
            for (Future<RecordMetadata> each : sent) {
                last = each.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).offset();
            }
            return last;
        } catch (TimeoutException e) {
            throw new SchemaLogException("Write to the Kafka store timed out", true, e);
        } catch (ExecutionException | KafkaException e) {
            throw new SchemaLogException("Error while writing to the backend Kafka store", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaLogException("Interrupted while writing to the backend Kafka store", false, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
