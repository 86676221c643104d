package se.stegvis.benchmarks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import se.stegvis.schemas.EventTopic;

/**
 * How many records each event topic of the stack holds: end offset less beginning offset per partition, summed. The
 * services publish without transactions, so there are no control records, and the topics keep every event, so offsets
 * and records agree (the compacted projects topic compacts nothing in its active segment at these sizes).
 */
final class StackTopics {

    static final List<String> ALL = List.of(EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName(),
            EventTopic.ACTIVITIES.topicName(), EventTopic.OUTCOMES.topicName());
    /** What a participant replica reads. */
    static final List<String> REPLICA = List.of(EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName());

    private StackTopics() {
    }

    static Map<String, Long> records(String bootstrapServers, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begin = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            Map<String, Long> records = new LinkedHashMap<>();
            topics.forEach(topic -> records.put(topic, 0L));
            end.forEach((tp, info) -> records.merge(tp.topic(), info.offset() - begin.get(tp).offset(), Long::sum));
            return records;
        }
    }

    static long total(Map<String, Long> records) {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }
}
