package se.stegvis.replica;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import se.stegvis.events.ProjectDefined;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.testsupport.KafkaTopics;

/**
 * Publishes events as participant-service does (the project's serializer, keyed by project or participant id) and,
 * for the failure cases, raw bytes. One in-memory registry serves every writer and reader of the test JVM: the
 * topics are shared by the test classes, so every consumer must read what any of them wrote.
 */
final class TopicWriter implements AutoCloseable {

    static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();

    private final KafkaProducer<String, Object> events;
    private final KafkaProducer<String, byte[]> bytes;

    TopicWriter(String bootstrapServers) {
        KafkaTopics.ensure(bootstrapServers, EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName());
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        events = new KafkaProducer<>(config, new StringSerializer(), new ConfluentAvroSerializer(REGISTRY));
        bytes = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Each event on its topic, acknowledged before this returns. */
    void publish(SpecificRecord... records) {
        for (SpecificRecord record : records) {
            if (record instanceof ProjectDefined defined) {
                send(events, EventTopic.PROJECTS, defined.getProjectId(), record);
            } else {
                send(events, EventTopic.PARTICIPANTS, record.get(record.getSchema().getField("participantId").pos()).toString(), record);
            }
        }
    }

    void publishRaw(EventTopic topic, String key, byte[] value) {
        send(bytes, topic, key, value);
    }

    private static <V> void send(KafkaProducer<String, V> producer, EventTopic topic, String key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + topic.topicName(), e.getCause());
        }
    }

    @Override
    public void close() {
        events.close();
        bytes.close();
    }
}
