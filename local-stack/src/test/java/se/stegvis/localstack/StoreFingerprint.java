package se.stegvis.localstack;

import com.mongodb.client.MongoClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * What is stored and published, in a form to compare before and after: the end offset of every partition of every
 * topic, and per collection of every database its number of documents and a hash of their bytes. Left out:
 * {@code __consumer_offsets}, where consumer groups note how far they have read whether or not anything was published.
 */
record StoreFingerprint(Map<String, Long> endOffsets, Map<String, String> collections) {

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
            byCollection.forEach((where, documents) -> collections.put(where, documents.size() + " documents, hash "
                    + documents.stream().map(d -> Arrays.hashCode(d.bson())).sorted().toList().hashCode()));
        }
        return new StoreFingerprint(offsets, collections);
    }
}
