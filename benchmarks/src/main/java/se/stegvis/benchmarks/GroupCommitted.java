package se.stegvis.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until one consumer group has committed the end offset of every partition of some topics. reporting-service
 * commits a replay's offsets only once its checkpoint holds what the replay built, so this is how long after DONE the
 * rebuild is also stored; a round that began earlier would have the last round's checkpoint written beside it.
 */
final class GroupCommitted {

    private static final Duration POLL = Duration.ofMillis(100);

    private GroupCommitted() {
    }

    /** Returns how long it took; throws after {@code patience}. */
    static Duration awaitEnd(String bootstrapServers, String group, Collection<String> topics, Duration patience) throws Exception {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while (true) {
                Map<TopicPartition, Long> behind = behind(admin, group, topics);
                if (behind.isEmpty()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                if (System.nanoTime() - start > patience.toNanos()) {
                    throw new IllegalStateException("group " + group + " did not commit the end within " + patience + ": behind by " + behind);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** The partitions where the group's committed offset is short of the end, by how many records. */
    private static Map<TopicPartition, Long> behind(Admin admin, String group, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic -> topic.partitions()
                .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> behind = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, end) -> {
            OffsetAndMetadata at = committed.get(partition);
            long missing = end.offset() - (at == null ? 0 : at.offset());
            if (missing > 0) {
                behind.put(partition, missing);
            }
        });
        return behind;
    }
}
