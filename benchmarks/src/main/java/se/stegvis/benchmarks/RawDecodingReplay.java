package se.stegvis.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionFunction;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * The baseline: a plain KafkaConsumer in a consumer group of its own reads the topics from the start (the projection's
 * four, or those a participant replica reads) and decodes every value with the project's deserializer (specific
 * reader), as the services do, and nothing else: no store, no commits. Same fetch size per poll as the projection.
 */
final class RawDecodingReplay {

    private final String bootstrapServers;
    private final String registryUrl;
    private final List<String> topics;
    private final Duration giveUp;

    /** The projection's four topics, as the replay benchmark reads them. */
    RawDecodingReplay(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, ProjectionFunction.PROJECTED_TOPICS.stream().map(EventTopic::topicName).toList(),
                Duration.ofMinutes(20));
    }

    RawDecodingReplay(String bootstrapServers, String registryUrl, List<String> topics, Duration giveUp) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.topics = topics;
        this.giveUp = giveUp;
    }

    /**
     * A consumer in a new group of its own ({@code groupPrefix} and the time), subscribed to the four topics from the
     * earliest offsets, 1,000 records per poll like the projection, values decoded with the specific reader.
     */
    static KafkaConsumer<byte[], Object> decodingConsumer(String bootstrapServers, String registryUrl, String groupPrefix) {
        return decodingConsumer(bootstrapServers, registryUrl, groupPrefix,
                ProjectionFunction.PROJECTED_TOPICS.stream().map(EventTopic::topicName).toList());
    }

    /** The same, subscribed to these topics. */
    static KafkaConsumer<byte[], Object> decodingConsumer(String bootstrapServers, String registryUrl, String groupPrefix,
                                                          List<String> topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + System.nanoTime());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
        values.configure(config, false);
        KafkaConsumer<byte[], Object> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), values);
        consumer.subscribe(topics);
        return consumer;
    }

    /** Reads until {@code expected} records are decoded, timed from the subscription (group join included). */
    ReplayBenchmark.Replayed replay(long expected, int round) {
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], Object> consumer = decodingConsumer(bootstrapServers, registryUrl, "replay-benchmark-raw-" + round, topics)) {
            long decoded = 0;
            while (decoded < expected) {
                for (ConsumerRecord<byte[], Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        throw new IllegalStateException("nothing decoded at " + record.topic() + "-" + record.partition() + "@" + record.offset());
                    }
                    decoded++;
                }
                if (System.nanoTime() - start > giveUp.toNanos()) {
                    throw new IllegalStateException("raw replay decoded only " + decoded + " of " + expected);
                }
            }
            return new ReplayBenchmark.Replayed(decoded, System.nanoTime() - start);
        }
    }
}
