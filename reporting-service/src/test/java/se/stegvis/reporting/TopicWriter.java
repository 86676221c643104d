package se.stegvis.reporting;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.events.ProjectDefined;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/** Publishes events as the writing services do (the project's serializer and registry, keyed by id) and raw bytes. */
final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, Object> events;
    private final KafkaProducer<String, byte[]> bytes;

    TopicWriter(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(config, false);
        events = new KafkaProducer<>(config, new StringSerializer(), serializer);
        bytes = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Each event on its topic, acknowledged before this returns. */
    void publish(SpecificRecord... records) {
        for (SpecificRecord record : records) {
            if (record instanceof ProjectDefined defined) {
                send(events, EventTopic.PROJECTS, defined.getProjectId(), record);
            } else {
                String participant = record.get(record.getSchema().getField("participantId").pos()).toString();
                send(events, topicOf(record), participant, record);
            }
        }
    }

    void publishRaw(EventTopic topic, String key, byte[] value) {
        send(bytes, topic, key, value);
    }

    private static EventTopic topicOf(SpecificRecord record) {
        if (record instanceof ActivityRecorded || record instanceof ActivityRetracted) {
            return EventTopic.ACTIVITIES;
        }
        if (record instanceof OutcomeRecorded || record instanceof OutcomeRetracted) {
            return EventTopic.OUTCOMES;
        }
        return EventTopic.PARTICIPANTS;
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
