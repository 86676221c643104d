package se.stegvis.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Readiness: every expected group caught up since start (or since its replay began), and none waiting. */
class ConsumerProgressTest {

    private final ConsumerProgress progress = new ConsumerProgress(null);

    @Test
    void an_expected_group_is_not_ready_before_it_was_measured_and_a_waiting_one_is_not_ready_until_it_applies_again() {
        progress.expect("replica");
        assertThat(progress.ready()).isFalse();
        assertThat(progress.notReady()).containsEntry("replica", "catching up");

        progress.waiting("replica", "SchemaRegistryException");
        assertThat(progress.notReady()).containsEntry("replica", "waiting: SchemaRegistryException");

        progress.applied("replica", 3);
        assertThat(progress.waiting("replica")).isFalse();
        assertThat(progress.appliedCount("replica")).isEqualTo(3);
    }

    /**
     * What a reader of the group's progress (reporting's view currency) decides from: the lag as last measured, unknown
     * until measured and again from a replay on, and whether it caught up since start, which a later lag does not undo.
     */
    @Test
    void the_lag_is_unknown_until_measured_and_having_caught_up_outlasts_falling_behind_again_until_a_replay() {
        TopicPartition partition = new TopicPartition("stegvis.projects.v1", 0);
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(partition));
        consumer.updateEndOffsets(Map.of(partition, 10L));
        progress.expect("projection");
        assertThat(progress.lag("projection")).isEmpty();
        assertThat(progress.lag("never-expected")).isEmpty();
        assertThat(progress.caughtUpOnce("projection")).isFalse();

        consumer.seek(partition, 4);
        progress.measure("projection", consumer);
        assertThat(progress.lag("projection")).isEqualTo(OptionalLong.of(6));
        assertThat(progress.caughtUpOnce("projection")).isFalse();

        consumer.seek(partition, 10);
        progress.measure("projection", consumer);
        assertThat(progress.lag("projection")).isEqualTo(OptionalLong.of(0));
        assertThat(progress.caughtUpOnce("projection")).isTrue();

        consumer.updateEndOffsets(Map.of(partition, 25L));
        progress.measure("projection", consumer);
        assertThat(progress.lag("projection")).isEqualTo(OptionalLong.of(15));
        assertThat(progress.caughtUpOnce("projection")).as("behind again, but caught up since start").isTrue();

        progress.replaying("projection");
        assertThat(progress.lag("projection")).isEmpty();
        assertThat(progress.caughtUpOnce("projection")).isFalse();
    }

    @Test
    void a_replay_makes_a_group_not_ready_again() {
        progress.expect("projection");
        progress.replaying("projection");

        assertThat(progress.ready()).isFalse();
        assertThat(progress.caughtUp("projection")).isFalse();
    }

    @Test
    void a_group_that_only_reports_has_its_count_but_no_say_in_readiness() {
        progress.applied("anonymous.memberships", 2);
        progress.waiting("anonymous.memberships", "SchemaRegistryException");

        assertThat(progress.appliedCount("anonymous.memberships")).isEqualTo(2);
        assertThat(progress.waiting("anonymous.memberships")).isTrue();
        assertThat(progress.ready()).isTrue();
        assertThat(progress.notReady()).isEmpty();

        progress.expect("replica");
        assertThat(progress.notReady()).containsOnlyKeys("replica");
    }
}
