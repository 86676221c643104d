package se.stegvis.reporting.indicators.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.EventBatch;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.IndicatorTally;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.application.ProjectStore;
import se.stegvis.reporting.indicators.application.WorkingState;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;

/**
 * The rule the projection's durability rests on: an offset is committed only once the store holds every change of
 * the batches before it; a checkpoint that fails commits nothing and loses nothing.
 */
class CheckpointsTest {

    private static final String GROUP = "reporting-test.projection";
    private static final TopicPartition PARTICIPANTS_0 = new TopicPartition("stegvis.participants.v1", 0);
    private static final TopicPartition ACTIVITIES_1 = new TopicPartition("stegvis.activities.v1", 1);

    private final Store store = new Store();
    private final WorkingState state = new WorkingState(store, new NoProjects());
    private final IndicatorProjection projection = new IndicatorProjection(state, store, new NoProjects(),
            new IndicatorTally(state, new IndicatorEngine(CATALOGUE), InventedParticipants.CLOCK));
    private final ConsumerProgress progress = new ConsumerProgress(null);
    /** Every commit, as asked for. */
    private final Map<TopicPartition, OffsetAndMetadata> commits = new java.util.concurrent.ConcurrentHashMap<>();
    private final MockConsumer<byte[], Object> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            commits.putAll(offsets);
        }
    };
    private long now;
    private final Checkpoints checkpoints = new Checkpoints(projection, progress, GROUP, Duration.ofSeconds(1), () -> now);

    @AfterEach
    void close() {
        checkpoints.close();
    }

    @Test
    void offsets_are_committed_only_once_the_checkpoint_holding_their_changes_is_written() throws Exception {
        store.hold = new CountDownLatch(1);
        applied("p1", PARTICIPANTS_0, 4);
        assertThat(committed()).as("before the interval").isEmpty();

        now += Duration.ofSeconds(1).toNanos();
        applied("p2", ACTIVITIES_1, 9);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.writing);
        checkpoints.idle(consumer);
        assertThat(committed()).as("while the checkpoint is being written").isEmpty();

        store.hold.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.saved.size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            checkpoints.idle(consumer);
            assertThat(committed()).containsEntry(PARTICIPANTS_0, new OffsetAndMetadata(5))
                    .containsEntry(ACTIVITIES_1, new OffsetAndMetadata(10));
        });
        assertThat(store.ids()).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void a_failed_checkpoint_commits_nothing_and_the_next_one_waits_for_the_store_on_the_consumers_thread() {
        store.down = true;
        applied("p1", PARTICIPANTS_0, 4);
        checkpoints.idle(consumer);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try {
                checkpoints.idle(consumer);
            } catch (IllegalStateException storeAway) {
                // the written-here attempt that follows a failed one
            }
            assertThat(progress.waiting(GROUP)).isTrue();
        });
        projection.apply(List.of(InventedParticipants.enrolled("p2", InventedParticipants.entry(Gender.MAN, 40))));
        assertThatThrownBy(() -> checkpoints.applied(batch(PARTICIPANTS_0, 5))).as("the batch waits for the store")
                .hasMessageContaining("away");
        assertThat(committed()).isEmpty();

        store.down = false;
        checkpoints.applied(batch(PARTICIPANTS_0, 5));

        assertThat(committed()).containsEntry(PARTICIPANTS_0, new OffsetAndMetadata(6));
        assertThat(store.ids()).containsExactlyInAnyOrder("p1", "p2");
        assertThat(progress.waiting(GROUP)).isFalse();
    }

    @Test
    void a_flush_stores_and_commits_everything_applied_before_it_returns() {
        applied("p1", PARTICIPANTS_0, 4);
        applied("p2", ACTIVITIES_1, 2);

        checkpoints.flush(consumer);

        assertThat(store.ids()).containsExactlyInAnyOrder("p1", "p2");
        assertThat(committed()).containsEntry(PARTICIPANTS_0, new OffsetAndMetadata(5)).containsEntry(ACTIVITIES_1, new OffsetAndMetadata(3));
    }

    @Test
    void a_replay_clears_after_the_checkpoint_under_way_and_commits_nothing_applied_before_it() {
        store.hold = new CountDownLatch(1);
        now += Duration.ofSeconds(1).toNanos();
        applied("p1", PARTICIPANTS_0, 4);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.writing);
        List<String> cleared = new ArrayList<>();
        Thread release = new Thread(() -> {
            sleepQuietly();
            store.hold.countDown();
        });
        release.start();

        checkpoints.clearForReplay(() -> cleared.add("cleared with " + store.saved.size() + " checkpoint(s) written"));
        checkpoints.flush(consumer);

        assertThat(cleared).containsExactly("cleared with 1 checkpoint(s) written");
        assertThat(committed()).as("offsets from before the replay").isEmpty();
    }

    @Test
    void a_replay_abandons_a_long_checkpoint_once_the_part_being_written_holds() throws Exception {
        Checkpoints inParts = new Checkpoints(projection, progress, GROUP, Duration.ofSeconds(1), () -> now, 1);
        try {
            store.hold = new CountDownLatch(1);
            projection.apply(List.of(InventedParticipants.enrolled("p1", InventedParticipants.entry(Gender.WOMAN, 30)),
                    InventedParticipants.enrolled("p2", InventedParticipants.entry(Gender.WOMAN, 31)),
                    InventedParticipants.enrolled("p3", InventedParticipants.entry(Gender.WOMAN, 32))));
            now += Duration.ofSeconds(1).toNanos();
            inParts.applied(batch(PARTICIPANTS_0, 2));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.writing);

            List<Integer> writtenWhenCleared = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread replay = new Thread(() -> inParts.clearForReplay(() -> writtenWhenCleared.add(store.saved.size())));
            replay.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> replay.getState() == Thread.State.WAITING
                    || replay.getState() == Thread.State.TIMED_WAITING);
            store.hold.countDown();
            replay.join(TimeUnit.SECONDS.toMillis(10));

            assertThat(writtenWhenCleared).as("parts written when the store was cleared").containsExactly(1);
            assertThat(store.saved).as("no part written after").hasSize(1);
            inParts.flush(consumer);
            assertThat(committed()).as("offsets from before the replay").isEmpty();
        } finally {
            inParts.close();
        }
    }

    @Test
    void during_a_replay_no_checkpoint_begins_because_one_is_due_and_the_first_after_it_holds_everything() {
        checkpoints.clearForReplay(() -> { });
        now += Duration.ofSeconds(5).toNanos();
        applied("p1", PARTICIPANTS_0, 4);
        now += Duration.ofSeconds(5).toNanos();
        applied("p2", ACTIVITIES_1, 7);
        assertThat(store.saved).as("checkpoints begun during the replay, ten intervals long").isEmpty();

        checkpoints.replaying(false);
        applied("p3", PARTICIPANTS_0, 5);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            checkpoints.idle(consumer);
            assertThat(committed()).containsEntry(PARTICIPANTS_0, new OffsetAndMetadata(6))
                    .containsEntry(ACTIVITIES_1, new OffsetAndMetadata(8));
        });
        assertThat(store.saved).as("one checkpoint, after the replay").hasSize(1);
        assertThat(store.ids()).containsExactlyInAnyOrder("p1", "p2", "p3");
    }

    @Test
    void a_checkpoint_writes_its_documents_in_the_order_of_their_ids() {
        checkpoints.clearForReplay(() -> { });
        List<String> met = List.of("p-e5", "p-a1", "p-c30", "p-b200", "p-d4", "p-a10", "p-c3", "p-b2", "p-e50");
        for (int i = 0; i < met.size(); i++) {
            applied(met.get(i), PARTICIPANTS_0, i);
        }
        checkpoints.replaying(false);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            checkpoints.idle(consumer);
            assertThat(committed()).containsEntry(PARTICIPANTS_0, new OffsetAndMetadata(met.size()));
        });
        assertThat(store.ids()).as("as the store's index orders them, not as the working state's hash map holds them")
                .containsExactly("p-a1", "p-a10", "p-b2", "p-b200", "p-c3", "p-c30", "p-d4", "p-e5", "p-e50");
    }

    @Test
    void during_a_replay_an_idle_moment_still_begins_a_checkpoint() {
        checkpoints.clearForReplay(() -> { });
        applied("p1", PARTICIPANTS_0, 4);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            checkpoints.idle(consumer);
            assertThat(committed()).containsEntry(PARTICIPANTS_0, new OffsetAndMetadata(5));
        });
        assertThat(store.ids()).containsExactly("p1");
    }

    /** Lets the checkpoint's writer be seen blocked before it is released. */
    private static void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void applied(String participant, TopicPartition partition, long offset) {
        projection.apply(List.of(InventedParticipants.enrolled(participant, InventedParticipants.entry(Gender.WOMAN, 30))));
        checkpoints.applied(batch(partition, offset));
    }

    private EventBatch batch(TopicPartition partition, long offset) {
        return EventBatch.of(MessageBuilder.<List<Object>>withPayload(List.of(new ParticipantEnrolled()))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(partition.topic()))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(partition.partition()))
                .setHeader(KafkaHeaders.OFFSET, List.of(offset))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(Map.of()))
                .setHeader(KafkaHeaders.GROUP_ID, GROUP)
                .setHeader(KafkaHeaders.CONSUMER, consumer).build());
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return Map.copyOf(commits);
    }

    /** A participant store that can be away, or hold a write until released. */
    private static final class Store implements ParticipantStore {

        final List<Changes> saved = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean down;
        volatile boolean writing;
        volatile CountDownLatch hold;

        @Override
        public void save(Changes changes) {
            if (down) {
                throw new IllegalStateException("the store is away");
            }
            writing = true;
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            saved.add(changes);
        }

        List<String> ids() {
            return saved.stream().flatMap(changes -> changes.participants().stream()).map(ProjectedParticipant.Facts::participantId)
                    .distinct().toList();
        }

        @Override
        public void load(Consumer<ProjectedParticipant> each) {
        }

        @Override
        public boolean isEmpty() {
            return saved.isEmpty();
        }

        @Override
        public boolean ofAnEarlierForm() {
            return false;
        }

        @Override
        public void clear() {
        }
    }

    private static final class NoProjects implements ProjectStore {

        @Override
        public boolean save(ProjectDefinition definition) {
            return false;
        }

        @Override
        public Optional<ProjectDefinition> project(String projectId) {
            return Optional.empty();
        }

        @Override
        public List<ProjectDefinition> projects() {
            return List.of();
        }

        @Override
        public void clear() {
        }
    }
}
