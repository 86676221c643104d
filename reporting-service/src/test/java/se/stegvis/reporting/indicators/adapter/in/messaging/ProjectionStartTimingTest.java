package se.stegvis.reporting.indicators.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A newcomer watches the read model's holder long enough to see a live one renew, however short the patience. */
class ProjectionStartTimingTest {

    @Test
    void a_short_patience_still_waits_for_three_renewals_before_the_lease_is_judged_stale() {
        ProjectionStart.Timing timing = new ProjectionStart.Timing(Duration.ofSeconds(3), Duration.ofSeconds(4));

        assertThat(timing.leaseStaleAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void a_patience_longer_than_three_renewals_is_kept() {
        ProjectionStart.Timing timing = new ProjectionStart.Timing(Duration.ofSeconds(30), Duration.ofSeconds(4));

        assertThat(timing.leaseStaleAfter()).isEqualTo(Duration.ofSeconds(30));
    }
}
