package se.stegvis.consumer;

import static org.assertj.core.api.Assertions.assertThat;

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
