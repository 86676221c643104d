package se.stegvis.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.testsupport.SharedKafka;

/** Reads a topic back from its start, raw bytes and decoded with the project's serde. */
public final class TopicReader {

    public record Message(String key, byte[] bytes, Object event) {
    }

    /** From the test JVM's shared broker. */
    public static List<Message> await(String topic, String registryUrl, Predicate<List<Message>> enough) {
        return await(SharedKafka.bootstrapServers(), topic, registryUrl, enough);
    }

    public static List<Message> await(String bootstrapServers, String topic, String registryUrl, Predicate<List<Message>> enough) {
        return await(bootstrapServers, topic, registryUrl, Duration.ofSeconds(30), enough);
    }

    /** With its own patience, e.g. for containers on a slower Docker host. */
    public static List<Message> await(String bootstrapServers, String topic, String registryUrl, Duration patience,
            Predicate<List<Message>> enough) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "true"), false);
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(patience).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(new Message(record.key(), record.value(), deserializer.deserialize(topic, record.value())));
                }
                return enough.test(messages);
            });
        }
        return messages;
    }

    private TopicReader() {
    }
}
