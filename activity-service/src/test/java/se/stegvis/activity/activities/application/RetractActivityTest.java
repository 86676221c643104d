package se.stegvis.activity.activities.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.service.command.NotFound;

class RetractActivityTest {

    /** STAFF of the projects these tests use. */
    private static final Caller STAFF = new Caller("staff-1", Set.of(),
            Map.of("99-000-T01", ProjectRole.STAFF, "99-000-T02", ProjectRole.STAFF));

    private final InMemoryActivities activities = new InMemoryActivities();
    private final List<String> signalled = new ArrayList<>();
    private final RetractActivity retract = new RetractActivity(activities, signalled::add,
            Clock.fixed(Instant.parse("2025-03-14T09:00:00Z"), ZoneOffset.UTC));
    private final Activity activity = new Activity(UUID.randomUUID(), UUID.randomUUID(), "99-000-T01", "DIGITAL_GUIDANCE",
            LocalDate.of(2025, 2, 10), new BigDecimal("1.5"), false);

    @Test
    void a_retracted_activity_is_kept_marked_with_one_retraction_event() {
        activities.stored.put(activity.id(), activity);

        retract.retract(STAFF, activity.id());
        retract.retract(STAFF, activity.id());

        assertThat(activities.stored.get(activity.id()).retracted()).isTrue();
        assertThat(activities.events).singleElement().isInstanceOf(ActivityEvent.Retracted.class);
        assertThat(signalled).containsExactly(activity.id().toString());
    }

    @Test
    void retracting_an_unknown_activity_is_not_found() {
        assertThatThrownBy(() -> retract.retract(STAFF, UUID.randomUUID())).isInstanceOf(NotFound.class);
    }
}
