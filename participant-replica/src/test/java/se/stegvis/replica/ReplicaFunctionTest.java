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

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import se.stegvis.consumer.BinderBatches;
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
            public void apply(List<SpecificRecord> events) {
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

        assertThatThrownBy(() -> function.accept(BinderBatches.polled(GROUP, consumer, PARTICIPANTS, 40,
                Events.enrolled(projectId, participantId, LocalDate.of(2025, 2, 3), 1),
                Events.left(projectId, participantId, LocalDate.of(2025, 7, 20), 2)))).isInstanceOf(IllegalStateException.class);

        assertThat(meters.get("stegvis.consumer.lag").tag("group", GROUP).gauge().value())
                .as("47 on the partition, less the batch's start at 40").isEqualTo(7);
    }
}
