package se.stegvis.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import se.stegvis.schemas.SampleEvents;

/**
 * A batch is written up to the first record that cannot be used and committed only when it is used whole; the record
 * at fault is named by its index, so what came before it stays applied and only it is tried again.
 */
class BatchApplicationTest {

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<List<SpecificRecord>> writes = new ArrayList<>();
    private final ConsumerProgress progress = new ConsumerProgress(null);

    private EventBatch batch(EventBatch.Entry... entries) {
        return batchOn(null, entries);
    }

    private EventBatch batchOn(MockConsumer<byte[], byte[]> consumer, EventBatch.Entry... entries) {
        return new EventBatch(List.of(entries), "group", consumer, acknowledged::incrementAndGet);
    }

    private static EventBatch.Entry event(int index, SpecificRecord event) {
        return new EventBatch.Entry(index, "stegvis.participants.v1", 0, 10 + index, event, null);
    }

    private static EventBatch.Entry undecodable(int index) {
        return new EventBatch.Entry(index, "stegvis.participants.v1", 0, 10 + index, null,
                new DeserializationException("failed to deserialize", new byte[] {1}, false, null));
    }

    @Test
    void a_batch_used_whole_is_written_once_and_then_committed() {
        int written = BatchApplication.apply(batch(event(0, SampleEvents.enrolled()), event(1, SampleEvents.left())),
                event -> event, writes::add, progress);

        assertThat(written).isEqualTo(2);
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).hasSize(2);
        assertThat(acknowledged).hasValue(1);
        assertThat(progress.appliedCount("group")).isEqualTo(2);
    }

    @Test
    void the_events_before_a_record_that_does_not_decode_are_written_and_it_is_named_by_its_index_uncommitted() {
        assertThatThrownBy(() -> BatchApplication.apply(batch(event(0, SampleEvents.enrolled()), undecodable(1),
                event(2, SampleEvents.left())), event -> event, writes::add, progress))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).isInstanceOf(DeserializationException.class);
                });

        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).singleElement().extracting(event -> event.getSchema().getName()).isEqualTo("ParticipantEnrolled");
        assertThat(acknowledged).as("the container commits what came before; the function commits nothing").hasValue(0);
        assertThat(progress.appliedCount("group")).as("the event written before it, not the record named").isEqualTo(1);
    }

    @Test
    void an_event_the_translation_refuses_is_named_and_nothing_after_it_is_written() {
        assertThatThrownBy(() -> BatchApplication.apply(batch(event(0, SampleEvents.left()), event(1, SampleEvents.enrolled()),
                event(2, SampleEvents.left())), event -> {
                    if (event.getSchema().getName().equals("ParticipantEnrolled")) {
                        throw new EventNotApplicable("refused");
                    }
                    return event;
                }, writes::add, progress))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1));

        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).hasSize(1);
        assertThat(progress.appliedCount("group")).isEqualTo(1);
    }

    @Test
    void a_write_that_fails_is_thrown_as_it_is_and_nothing_is_committed() {
        RuntimeException storeAway = new IllegalStateException("store away");

        assertThatThrownBy(() -> BatchApplication.apply(batch(event(0, SampleEvents.enrolled())), event -> event, events -> {
            throw storeAway;
        }, progress)).isSameAs(storeAway);
        assertThat(acknowledged).hasValue(0);
        assertThat(progress.appliedCount("group")).as("the whole batch comes again, and is counted then").isZero();
    }

    @Test
    void applied_event_by_event_a_refused_event_is_named_after_the_ones_before_it_were_applied() {
        List<SpecificRecord> applied = new ArrayList<>();

        assertThatThrownBy(() -> BatchApplication.applyEach(batch(event(0, SampleEvents.enrolled()), event(1, SampleEvents.left()),
                event(2, SampleEvents.enrolled())), event -> {
                    if (event.getSchema().getName().equals("ParticipantLeft")) {
                        throw new EventNotApplicable("refused");
                    }
                    applied.add(event);
                }, progress))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1));

        assertThat(applied).hasSize(1);
        assertThat(acknowledged).hasValue(0);
        assertThat(progress.appliedCount("group")).as("the event applied before the one refused").isEqualTo(1);
        assertThat(BatchApplication.applyEach(batch(event(0, SampleEvents.enrolled())), applied::add, progress)).isEqualTo(1);
        assertThat(acknowledged).hasValue(1);
        assertThat(progress.appliedCount("group")).isEqualTo(2);
    }

    @Test
    void a_record_the_registry_keeps_from_being_decoded_counts_the_events_before_it_once_and_itself_not_and_the_wait_goes_on() {
        progress.waiting("group", "SchemaRegistryException");
        EventBatch.Entry waiting = undecodable(1);

        assertThatThrownBy(() -> BatchApplication.applyEach(batch(event(0, SampleEvents.enrolled()), waiting,
                event(2, SampleEvents.left())), event -> writes.add(List.of(event)), progress))
                .isInstanceOf(BatchListenerFailedException.class);
        for (int retry = 0; retry < 3; retry++) {
            // The container committed what came before and re-polls from the record named: it now comes first.
            assertThatThrownBy(() -> BatchApplication.applyEach(batch(new EventBatch.Entry(0, waiting.topic(), waiting.partition(),
                    waiting.offset(), null, waiting.failure())), event -> writes.add(List.of(event)), progress))
                    .isInstanceOf(BatchListenerFailedException.class);
        }

        assertThat(writes).hasSize(1);
        assertThat(progress.appliedCount("group")).isEqualTo(1);
        assertThat(progress.waiting("group")).as("the record still waits for the registry").isTrue();
    }

    @Test
    void after_a_batch_that_failed_the_lag_is_asked_of_the_broker_from_the_first_record_not_applied() {
        TopicPartition participants = new TopicPartition("stegvis.participants.v1", 0);
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(participants));
        consumer.updateBeginningOffsets(Map.of(participants, 0L));
        // The batch polled holds offsets 10 to 12; 20 records are on the partition by now.
        consumer.seek(participants, 13);
        consumer.updateEndOffsets(Map.of(participants, 20L));
        progress.expect("group");

        assertThatThrownBy(() -> BatchApplication.apply(batchOn(consumer, event(0, SampleEvents.enrolled()), event(1, SampleEvents.left()),
                event(2, SampleEvents.enrolled())), event -> event, events -> {
                    throw new IllegalStateException("store away");
                }, progress)).isInstanceOf(IllegalStateException.class);
        assertThat(progress.notReady()).as("the whole batch comes again").containsEntry("group", "catching up, 10 records behind");

        assertThatThrownBy(() -> BatchApplication.applyEach(batchOn(consumer, event(0, SampleEvents.enrolled()), undecodable(1),
                event(2, SampleEvents.left())), event -> { }, progress)).isInstanceOf(BatchListenerFailedException.class);
        assertThat(progress.notReady()).as("from the record named: the one before it was applied")
                .containsEntry("group", "catching up, 9 records behind");
    }
}
