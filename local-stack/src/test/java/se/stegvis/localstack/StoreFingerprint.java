package se.stegvis.localstack;

import com.mongodb.client.MongoClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What is stored and published, in a form to compare before and after: the end offset of every partition of every
 * topic, and per collection of every database its number of documents and a hash of their bytes. Left out:
 * {@code __consumer_offsets}, where consumer groups note how far they have read whether or not anything was published,
 * and reporting-service's lease ({@value #LEASE}), which its holder renews every few seconds whatever happens.
 */
record StoreFingerprint(Map<String, Long> endOffsets, Map<String, String> collections) {

    static final String LEASE = "reporting_lease";

    static StoreFingerprint of(SharedStack.Running stack) throws Exception {
        Map<String, Long> offsets = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            TopicDump.endOffsets(admin, stack.bootstrapServers()).forEach((partition, end) -> {
                if (!partition.topic().equals("__consumer_offsets")) {
                    offsets.put(partition.toString(), end);
                }
            });
        }
        Map<String, String> collections = new TreeMap<>();
        try (MongoClient mongo = DatabaseDump.client(stack.ports().port("mongo"))) {
            Map<String, List<DatabaseDump.StoredDocument>> byCollection = DatabaseDump.all(mongo).stream()
                    .collect(Collectors.groupingBy(DatabaseDump.StoredDocument::where));
            byCollection.entrySet().removeIf(collection -> collection.getKey().endsWith("." + LEASE));
            byCollection.forEach((where, documents) -> collections.put(where, documents.size() + " documents, hash "
                    + documents.stream().map(d -> Arrays.hashCode(d.bson())).sorted().toList().hashCode()));
        }
        return new StoreFingerprint(offsets, collections);
    }

    /**
     * Every consumer group with members has committed up to the end of each partition it has read: what was published
     * has been applied and, for reporting-service, written (it commits only after its checkpoint is written).
     */
    static boolean consumersCaughtUp(SharedStack.Running stack) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = TopicDump.endOffsets(admin, stack.bootstrapServers());
            List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).values()) {
                if (group.members().isEmpty()) {
                    continue; // an earlier run's group, read by nobody now
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> read : committed.entrySet()) {
                    if (read.getValue() != null && read.getValue().offset() < ends.getOrDefault(read.getKey(), 0L)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
