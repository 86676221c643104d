package se.stegvis.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;


/**
 * The second baseline, for the store's share: the plain decoding consumer, plus one unordered bulk insert per poll
 * of one small document per record (its position, topic and event type) into an empty collection of the same
 * Mongo-wire server the service writes to. What one plain write per event costs there, without any projection.
 */
final class DecodeAndInsertReplay {

    private static final Duration GIVE_UP = Duration.ofMinutes(30);

    private final String bootstrapServers;
    private final String registryUrl;
    private final String mongoConnectionString;

    DecodeAndInsertReplay(String bootstrapServers, String registryUrl, String mongoConnectionString) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.mongoConnectionString = mongoConnectionString;
    }

    /** Reads until {@code expected} records are decoded and inserted, timed from the subscription (group join included). */
    ReplayBenchmark.Replayed replay(long expected, int round) {
        try (MongoClient client = MongoClients.create(mongoConnectionString)) {
            MongoCollection<Document> store = client.getDatabase("replay-benchmark-insert").getCollection("round_" + round);
            store.drop();
            long start = System.nanoTime();
            try (KafkaConsumer<byte[], Object> consumer = RawDecodingReplay.decodingConsumer(bootstrapServers, registryUrl,
                    "replay-benchmark-insert-" + round)) {
                long inserted = 0;
                while (inserted < expected) {
                    List<Document> batch = new ArrayList<>();
                    for (ConsumerRecord<byte[], Object> record : consumer.poll(Duration.ofMillis(200))) {
                        batch.add(new Document("_id", record.topic() + "-" + record.partition() + "-" + record.offset())
                                .append("type", record.value().getClass().getSimpleName()));
                    }
                    if (!batch.isEmpty()) {
                        store.insertMany(batch, new InsertManyOptions().ordered(false));
                        inserted += batch.size();
                    }
                    if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                        throw new IllegalStateException("decode and insert replay got only " + inserted + " of " + expected);
                    }
                }
                long nanos = System.nanoTime() - start;
                store.drop();
                return new ReplayBenchmark.Replayed(inserted, nanos);
            }
        }
    }
}
