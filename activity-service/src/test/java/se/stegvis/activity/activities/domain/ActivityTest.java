package se.stegvis.activity.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActivityTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");
    private final Activity activity = new Activity(UUID.randomUUID(), UUID.randomUUID(), "99-000-T01", "DIGITAL_GUIDANCE",
            LocalDate.of(2025, 2, 10), new BigDecimal("1.5"), false);

    @Test
    void retracting_an_activity_names_it_its_participant_and_project() {
        ActivityEvent.Retracted retracted = activity.retract(NOW).orElseThrow();

        assertThat(retracted.activityId()).isEqualTo(activity.id());
        assertThat(retracted.participantId()).isEqualTo(activity.participantId());
        assertThat(retracted.projectId()).isEqualTo("99-000-T01");
    }

    @Test
    void retracting_an_activity_that_is_retracted_already_causes_nothing() {
        assertThat(activity.withRetraction().retract(NOW)).isEmpty();
    }

    @Test
    void a_request_is_the_same_activity_only_with_the_same_participant_type_date_and_hours() {
        ActivityFacts same = new ActivityFacts("DIGITAL_GUIDANCE", LocalDate.of(2025, 2, 10), new BigDecimal("1.50"));

        assertThat(activity.sameAs(activity.participantId(), same)).isTrue();
        assertThat(activity.sameAs(UUID.randomUUID(), same)).isFalse();
        assertThat(activity.sameAs(activity.participantId(), new ActivityFacts("DIGITAL_GUIDANCE", LocalDate.of(2025, 2, 10),
                new BigDecimal("2")))).isFalse();
        assertThat(activity.sameAs(activity.participantId(), new ActivityFacts(null, null, null))).isFalse();
    }
}
