package se.stegvis.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of every topic the broker has, internal ones included ({@code __consumer_offsets} holds only group
 * bookkeeping, but reading it costs little and proves it), from the beginning to the end offsets as they are now.
 */
final class TopicDump {

    record Message(String topic, int partition, long offset, byte[] key, byte[] value, List<Header> headers) {

        String where() {
            return topic + "/" + partition + "@" + offset;
        }
    }

    private TopicDump() {
    }

    static Set<String> topics(Admin admin) throws Exception {
        return admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
    }

    /** The end offset of every partition of every topic. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, String bootstrap) throws Exception {
        List<TopicPartition> partitions = partitions(admin, topics(admin));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    static List<Message> all(Admin admin, String bootstrap) throws Exception {
        List<TopicPartition> partitions = partitions(admin, topics(admin));
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read every topic to its end within 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    messages.add(new Message(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                            List.of(record.headers().toArray())));
                }
            }
        }
        return messages;
    }

    private static List<TopicPartition> partitions(Admin admin, Set<String> topics) throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        return described.values().stream().flatMap(topic -> topic.partitions().stream()
                .map(partition -> new TopicPartition(topic.name(), partition.partition()))).collect(Collectors.toList());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
