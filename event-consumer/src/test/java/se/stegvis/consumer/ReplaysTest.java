package se.stegvis.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A replay's course on a consumer that stands where a real one would, without Kafka. */
class ReplaysTest {

    private static final String GROUP = "replays-test";
    private static final TopicPartition A = new TopicPartition("stegvis.projects.v1", 0);
    private static final TopicPartition B = new TopicPartition("stegvis.participants.v1", 0);

    private final ConsumerProgress progress = new ConsumerProgress(null);
    private final Replays replays = new Replays(progress);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final AtomicInteger clears = new AtomicInteger();

    ReplaysTest() {
        consumer.assign(List.of(A, B));
        consumer.updateBeginningOffsets(Map.of(A, 2L, B, 0L));
        consumer.updateEndOffsets(Map.of(A, 7L, B, 4L));
        consumer.seek(A, 7);
        consumer.seek(B, 4);
        progress.expect(GROUP);
    }

    @Test
    void a_requested_replay_empties_the_store_commits_the_beginnings_and_counts_its_way_to_the_end_offsets() {
        replays.register(GROUP, clears::incrementAndGet);
        assertThat(replays.progress(GROUP)).isEmpty();

        replays.request(GROUP);
        assertThat(replays.progress(GROUP)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(ReplayProgress.State.REQUESTED));
        assertThat(replays.beginIfRequested(GROUP, consumer)).isTrue();

        assertThat(clears).hasValue(1);
        assertThat(consumer.committed(java.util.Set.of(A, B))).isEqualTo(Map.of(A, new OffsetAndMetadata(2), B, new OffsetAndMetadata(0)));
        assertThat(consumer.position(A)).isEqualTo(2);
        ReplayProgress begun = replays.progress(GROUP).orElseThrow();
        assertThat(begun.state()).isEqualTo(ReplayProgress.State.REPLAYING);
        assertThat(begun.toReplay()).isEqualTo(9);
        assertThat(progress.ready()).isFalse();

        consumer.seek(A, 5);
        progress.measure(GROUP, consumer);
        assertThat(replays.progress(GROUP).orElseThrow().replayed()).isEqualTo(3);
        assertThat(progress.ready()).as("caught up only at the end offsets").isFalse();

        consumer.seek(A, 7);
        consumer.seek(B, 4);
        progress.measure(GROUP, consumer);
        ReplayProgress done = replays.progress(GROUP).orElseThrow();
        assertThat(done.state()).isEqualTo(ReplayProgress.State.DONE);
        assertThat(done.replayed()).isEqualTo(9);
        assertThat(done.finishedAt()).isNotNull().isAfterOrEqualTo(done.requestedAt());
        assertThat(progress.ready()).isTrue();
        assertThat(replays.beginIfRequested(GROUP, consumer)).as("once").isFalse();
    }

    @Test
    void a_store_found_empty_before_anything_is_applied_is_replayed_and_one_that_is_not_is_left_alone() {
        replays.register(GROUP, clears::incrementAndGet, () -> true);
        assertThat(replays.beginIfRequested(GROUP, consumer)).isTrue();
        assertThat(clears).hasValue(1);
        assertThat(replays.beginIfRequested(GROUP, consumer)).as("looked at once").isFalse();

        Replays other = new Replays(progress);
        other.register(GROUP, clears::incrementAndGet, () -> false);
        assertThat(other.beginIfRequested(GROUP, consumer)).isFalse();
        assertThat(clears).hasValue(1);
    }

    @Test
    void a_store_that_cannot_be_asked_is_asked_again_at_the_next_chance() {
        AtomicBoolean away = new AtomicBoolean(true);
        replays.register(GROUP, clears::incrementAndGet, () -> {
            if (away.get()) {
                throw new IllegalStateException("the store is away");
            }
            return true;
        });
        assertThatThrownBy(() -> replays.beginIfRequested(GROUP, consumer)).isInstanceOf(IllegalStateException.class);

        away.set(false);
        assertThat(replays.beginIfRequested(GROUP, consumer)).isTrue();
    }

    @Test
    void after_a_failed_batch_the_lag_counts_the_batch_and_what_came_after_it_from_the_broker() {
        EventBatch failed = new EventBatch(List.of(new EventBatch.Entry(0, A.topic(), 0, 5, null, null),
                new EventBatch.Entry(1, A.topic(), 0, 6, null, null)), GROUP, consumer, null);
        consumer.updateEndOffsets(Map.of(A, 9L, B, 6L));

        progress.measureFailed(GROUP, consumer, failed.entries());

        // A: 9 - 5 (from the failed batch's first record); B: 6 - 4 (from the position).
        assertThat(progress.notReady()).containsEntry(GROUP, "catching up, 6 records behind");
    }
}
