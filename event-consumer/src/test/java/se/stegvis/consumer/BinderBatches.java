package se.stegvis.consumer;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A poll as the Kafka binder hands it to a batch function ({@code Message<List<Object>>} with the per-record batch
 * headers), for tests of such a function without Kafka: shared with the consuming modules' tests (test-jar).
 */
public final class BinderBatches {

    private BinderBatches() {
    }

    /**
     * The values as one poll of the group's consumer from one partition, at consecutive offsets from the one given.
     *
     * @param consumer the consumer that polled, e.g. a {@code MockConsumer} standing where a real one would
     */
    public static Message<List<Object>> polled(String group, Consumer<?, ?> consumer, TopicPartition partition, long offset,
            Object... values) {
        List<Object> payload = List.of(values);
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, payload.stream().map(value -> partition.topic()).toList())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, payload.stream().map(value -> partition.partition()).toList())
                .setHeader(KafkaHeaders.OFFSET, LongStream.range(offset, offset + values.length).boxed().toList())
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, payload.stream().map(value -> Map.of()).toList())
                .setHeader(KafkaHeaders.GROUP_ID, group)
                .setHeader(KafkaHeaders.CONSUMER, consumer)
                .build();
    }
}
