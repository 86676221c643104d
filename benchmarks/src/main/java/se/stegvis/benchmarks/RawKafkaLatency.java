package se.stegvis.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: a plain producer (the client's defaults) sends small records carrying their send time, at the same
 * fixed rate as the commands, to a topic of three partitions on the same broker; a plain consumer, assigned every
 * partition from its end before the first send, notes receive time − send time, in the same JVM.
 */
final class RawKafkaLatency {

    static final String TOPIC = "bench.raw-latency";
    private final String bootstrapServers;

    RawKafkaLatency(String bootstrapServers) throws Exception {
        this.bootstrapServers = bootstrapServers;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    /** Latencies in nanoseconds, in order of receipt; fewer than count if some never arrived. */
    long[] measure(OpenLoop loop, int count) throws Exception {
        long[] latencies = new long[count];
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread sender = new Thread(() -> send(loop, producer, count), "raw-producer");
            sender.start();
            int received = 0;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60) + (long) (count * 1e9 / 50);
            while (received < count && System.nanoTime() < giveUp) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies[received++] = System.nanoTime() - ByteBuffer.wrap(record.value()).getLong();
                }
            }
            sender.join();
            return java.util.Arrays.copyOf(latencies, received);
        }
    }

    private static void send(OpenLoop loop, KafkaProducer<byte[], byte[]> producer, int count) {
        try {
            loop.run(count, i -> producer.send(new ProducerRecord<>(TOPIC, ByteBuffer.allocate(4).putInt(i).array(),
                    ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
