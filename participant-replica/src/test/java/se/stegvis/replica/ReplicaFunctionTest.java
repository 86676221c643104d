package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.Replays;

/** The replica's function on a batch as the binder hands it over, with a consumer that stands where a real one would. */
class ReplicaFunctionTest {

    private static final String GROUP = "activity-service.replica";
    private static final TopicPartition PARTICIPANTS = new TopicPartition("stegvis.participants.v1", 1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConsumerProgress progress = new ConsumerProgress(meters);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void while_its_store_is_away_the_lag_counts_the_batch_and_what_came_after_it_from_the_broker() {
        ReplicaStore away = new ReplicaStore() {
            @Override
            public void apply(SpecificRecord event) {
                throw new IllegalStateException("MongoDB away");
            }

            @Override
            public void clear() {
            }
        };
        ReplicaFunction function = new ReplicaFunction(away, progress, new Replays(progress), GROUP);
        consumer.assign(List.of(PARTICIPANTS));
        consumer.updateBeginningOffsets(Map.of(PARTICIPANTS, 0L));
        consumer.seek(PARTICIPANTS, 42);
        consumer.updateEndOffsets(Map.of(PARTICIPANTS, 47L));
        String projectId = Events.newProjectId();
        UUID participantId = UUID.randomUUID();

        assertThatThrownBy(() -> function.accept(polledAt(40, Events.enrolled(projectId, participantId, LocalDate.of(2025, 2, 3), 1),
                Events.left(projectId, participantId, LocalDate.of(2025, 7, 20), 2)))).isInstanceOf(IllegalStateException.class);

        assertThat(meters.get("stegvis.consumer.lag").tag("group", GROUP).gauge().value())
                .as("47 on the partition, less the batch's start at 40").isEqualTo(7);
    }

    /** The events as one poll from the participants' partition, from the offset given, in the binder's batch headers. */
    private Message<List<Object>> polledAt(long offset, SpecificRecord... events) {
        List<Object> payload = List.of((Object[]) events);
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, payload.stream().map(event -> PARTICIPANTS.topic()).toList())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, payload.stream().map(event -> PARTICIPANTS.partition()).toList())
                .setHeader(KafkaHeaders.OFFSET, java.util.stream.LongStream.range(offset, offset + events.length).boxed().toList())
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, payload.stream().map(event -> Map.of()).toList())
                .setHeader(KafkaHeaders.GROUP_ID, GROUP)
                .setHeader(KafkaHeaders.CONSUMER, consumer)
                .build();
    }
}
