package se.stegvis.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sets records aside on a binding's dead-letter topic, byte for byte as they were written: the original key, value
 * (so any Confluent client decodes a dead letter with the schema id it was written with) and headers, plus Spring
 * Kafka's standard {@code kafka_dlt-*} headers (original topic, partition, offset, timestamp, exception class; the
 * exception's message and stack trace are left out: they may quote the record). A record that was decoded (an event
 * that could not be applied) is read once more as bytes for that. The topic is created on first use if missing, kept
 * without time limit: a dead letter is evidence of an event a read model still lacks.
 */
public final class DeadLetterTopics {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaOperations<byte[], byte[]> template;
    private final Supplier<Map<String, Object>> clientConfig;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    /**
     * @param template sends bytes as they are (byte-array serializers)
     * @param clientConfig the connection settings (bootstrap servers, security) for the admin and the re-read
     */
    public DeadLetterTopics(KafkaOperations<byte[], byte[]> template, Supplier<Map<String, Object>> clientConfig) {
        this.template = template;
        this.clientConfig = clientConfig;
    }

    ConsumerRecordRecoverer recoverer(String topic, String group, ConsumerProgress progress) {
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> created = (record, failure) -> {
            ensureTopic(topic);
            // Any partition of the dead-letter topic will do (by the record's key); it may have fewer than the original.
            return new TopicPartition(topic, -1);
        };
        DeadLetterPublishingRecoverer publisher = new AsWritten(template, created);
        publisher.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        publisher.setFailIfSendResultIsError(true);
        return (record, failure) -> {
            publisher.accept(record, failure);
            progress.deadLettered(group);
        };
    }

    /** The original bytes of a record the consumer had decoded. */
    private byte[][] originalKeyAndValue(ConsumerRecord<?, ?> record) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig.get());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.of(partition));
            reader.seek(partition, record.offset());
            long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> original : reader.poll(Duration.ofMillis(500))) {
                    if (original.offset() == record.offset()) {
                        return new byte[][] {original.key(), original.value()};
                    }
                }
            }
        }
        throw new KafkaException("Could not read " + partition + "@" + record.offset() + " again to set it aside");
    }

    private void ensureTopic(String topic) {
        if (ready.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(clientConfig.get())) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get(10, TimeUnit.SECONDS);
            }
            ready.add(topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("Could not create the dead-letter topic " + topic, e.getCause());
            }
            ready.add(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating " + topic, e);
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out creating " + topic, e);
        }
    }

    /** Publishes the record's original bytes, reading them again where the consumer had decoded the value. */
    private final class AsWritten extends DeadLetterPublishingRecoverer {

        AsWritten(KafkaOperations<byte[], byte[]> template, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
            super(template, destination);
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition topicPartition,
                Headers headers, byte[] key, byte[] value) {
            if (value == null && !(record.value() instanceof byte[]) && record.value() != null) {
                byte[][] original = originalKeyAndValue(record);
                return super.createProducerRecord(record, topicPartition, headers, original[0], original[1]);
            }
            return super.createProducerRecord(record, topicPartition, headers, key, value);
        }
    }
}
