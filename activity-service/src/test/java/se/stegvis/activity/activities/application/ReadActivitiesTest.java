package se.stegvis.activity.activities.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.Participation;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.NotKnownYet;

class ReadActivitiesTest {

    /** STAFF of the projects these tests use. */
    private static final Caller STAFF = new Caller("staff-1", Set.of(),
            Map.of("99-000-T01", ProjectRole.STAFF, "99-000-T02", ProjectRole.STAFF));

    private final InMemoryActivities activities = new InMemoryActivities();
    private final Activity activity = new Activity(UUID.randomUUID(), UUID.randomUUID(), "99-000-T01", "DIGITAL_GUIDANCE",
            LocalDate.of(2025, 2, 10), new BigDecimal("1.5"), false);

    @Test
    void retracted_activities_are_not_listed_so_a_known_participant_may_have_an_empty_list() {
        activities.stored.put(activity.id(), activity.withRetraction());

        assertThat(readingFrom(false).currentOf(STAFF, activity.participantId())).isEmpty();
    }

    @Test
    void the_activities_of_an_erased_participant_are_gone() {
        activities.stored.put(activity.id(), activity);

        assertThatThrownBy(() -> readingFrom(true).currentOf(STAFF, activity.participantId())).isInstanceOf(Gone.class);
    }

    @Test
    void the_activities_of_a_participant_the_replica_has_not_heard_of_are_not_known_yet() {
        assertThatThrownBy(() -> new ReadActivities(activities, id -> Optional.empty()).currentOf(STAFF, activity.participantId()))
                .isInstanceOf(NotKnownYet.class);
    }

    private ReadActivities readingFrom(boolean erased) {
        return new ReadActivities(activities, id -> Optional.of(new Participation(id, "99-000-T01", LocalDate.of(2025, 2, 3),
                null, erased, List.of("DIGITAL_GUIDANCE"))));
    }
}
