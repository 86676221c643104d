package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import se.stegvis.schemas.serde.DecodeFailure;

/**
 * Sets aside what the projection cannot use on {@value #TOPIC}: the original key and value bytes and headers, plus
 * headers naming the reason, the exception classes (never messages: they may quote the payload) and where the record
 * came from. The topic is created on first use if missing. Sends are acknowledged before the offsets move on.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String TOPIC = "stegvis.reporting.dead-letter.v1";
    public static final String REASON = "stegvis.dead-letter.reason";
    public static final String EXCEPTION = "stegvis.dead-letter.exception";
    public static final String ORIGINAL_TOPIC = "stegvis.dead-letter.topic";
    public static final String ORIGINAL_PARTITION = "stegvis.dead-letter.partition";
    public static final String ORIGINAL_OFFSET = "stegvis.dead-letter.offset";

    /** A record set aside: why (a fixed phrase of ours, never payload) and the failure's classes. */
    record DeadLetter(ConsumerRecord<byte[], byte[]> record, String reason, String exceptionClasses) {
    }

    private final ProjectionSettings settings;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean topicReady;

    public DeadLetters(ProjectionSettings settings) {
        this.settings = settings;
    }

    /** Sends every letter and waits for the acknowledgements; throws if any could not be sent. */
    void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        ensureTopic();
        try {
            List<Future<RecordMetadata>> sent = letters.stream().map(letter -> producer().send(message(letter))).toList();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while sending dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Could not send dead letters: " + DecodeFailure.classes(e), e.getCause());
        }
    }

    private static ProducerRecord<byte[], byte[]> message(DeadLetter letter) {
        ConsumerRecord<byte[], byte[]> original = letter.record();
        ProducerRecord<byte[], byte[]> message = new ProducerRecord<>(TOPIC, null, original.key(), original.value(), original.headers());
        Headers headers = message.headers();
        headers.add(REASON, bytes(letter.reason()));
        headers.add(EXCEPTION, bytes(letter.exceptionClasses()));
        headers.add(ORIGINAL_TOPIC, bytes(original.topic()));
        headers.add(ORIGINAL_PARTITION, bytes(String.valueOf(original.partition())));
        headers.add(ORIGINAL_OFFSET, bytes(String.valueOf(original.offset())));
        return message;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!existing.contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, settings.deadLetterPartitions(), settings.replicationFactor())))
                        .all().get(10, TimeUnit.SECONDS);
            }
            topicReady = true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("Could not create " + TOPIC, e.getCause());
            }
            topicReady = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating " + TOPIC, e);
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out creating " + TOPIC, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
