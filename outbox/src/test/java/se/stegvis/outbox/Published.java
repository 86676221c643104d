package se.stegvis.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * What reached Kafka for a set of keys, read from the start of every partition with the stock-style deserializer on
 * the registry the relay wrote with. Topics are shared by the tests of a JVM, so only the test's own keys count.
 */
final class Published implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final Set<String> keys;
    private final Map<String, List<SpecificRecord>> byKey = new LinkedHashMap<>();

    Published(String bootstrapServers, SchemaRegistryClient registry, Collection<String> keys, EventTopic... topics) {
        this.keys = Set.copyOf(keys);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ConfluentAvroDeserializer(registry, true));
        List<TopicPartition> partitions = new ArrayList<>();
        for (EventTopic topic : topics) {
            consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived since the last call; events per key in the order Kafka holds them. */
    Map<String, List<SpecificRecord>> byKey() {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
            if (keys.contains(record.key())) {
                byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add((SpecificRecord) record.value());
            }
        }
        return byKey;
    }

    /** The events of one key with repeats (a re-send after a failure or restart) left out, first delivery first. */
    static List<SpecificRecord> withoutRepeats(List<SpecificRecord> events) {
        Map<Object, SpecificRecord> first = new LinkedHashMap<>();
        events.forEach(event -> first.putIfAbsent(eventIdOf(event), event));
        return List.copyOf(first.values());
    }

    static String eventIdOf(SpecificRecord event) {
        return event.get(event.getSchema().getField("eventId").pos()).toString();
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
