package se.stegvis.activity.activities.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.activity.activities.domain.ActivityFacts;
import se.stegvis.activity.activities.domain.Participation;
import se.stegvis.service.command.Gone;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotKnownYet;

class RecordActivityTest {

    /** STAFF of the projects these tests use. */
    private static final Caller STAFF = new Caller("staff-1", Set.of(),
            Map.of("99-000-T01", ProjectRole.STAFF, "99-000-T02", ProjectRole.STAFF));

    /** 23:30 in UTC is already the next day in Stockholm, where the projects are. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-13T23:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final ActivityFacts GUIDANCE = new ActivityFacts("DIGITAL_GUIDANCE", LocalDate.of(2025, 2, 10),
            new BigDecimal("1.5"));

    private final InMemoryActivities activities = new InMemoryActivities();
    private final Map<UUID, Participation> replica = new HashMap<>();
    private final List<String> signalled = new ArrayList<>();
    private final RecordActivity record = new RecordActivity(activities, id -> Optional.ofNullable(replica.get(id)),
            signalled::add, CLOCK);

    @Test
    void a_recorded_activity_is_stored_with_its_event_and_the_relay_is_told() {
        UUID participant = known(false);

        UUID activityId = record.record(STAFF, participant, GUIDANCE, null);

        assertThat(activities.stored.get(activityId).type()).isEqualTo("DIGITAL_GUIDANCE");
        assertThat(activities.events).singleElement().isInstanceOfSatisfying(ActivityEvent.Recorded.class,
                e -> assertThat(e.activityId()).isEqualTo(activityId));
        assertThat(signalled).containsExactly(activityId.toString());
    }

    @Test
    void today_is_the_day_in_stockholm() {
        UUID participant = known(false);

        assertThat(record.record(STAFF, participant, new ActivityFacts("DIGITAL_GUIDANCE", LocalDate.of(2025, 3, 14), BigDecimal.ONE),
                null)).isNotNull();
    }

    @Test
    void a_participant_the_replica_has_not_heard_of_is_not_known_yet_and_nothing_is_stored() {
        assertThatThrownBy(() -> record.record(STAFF, UUID.randomUUID(), GUIDANCE, null)).isInstanceOf(NotKnownYet.class);
        assertThat(activities.stored).isEmpty();
        assertThat(signalled).isEmpty();
    }

    @Test
    void an_erased_participant_is_gone_and_nothing_is_stored() {
        UUID participant = known(true);

        assertThatThrownBy(() -> record.record(STAFF, participant, GUIDANCE, null)).isInstanceOf(Gone.class);
        assertThat(activities.stored).isEmpty();
    }

    @Test
    void a_refused_activity_stores_and_signals_nothing() {
        UUID participant = known(false);

        assertThatThrownBy(() -> record.record(STAFF, participant, new ActivityFacts("INTERNSHIP", GUIDANCE.date(), GUIDANCE.hours()),
                "key-0")).isInstanceOf(InvalidCommand.class);
        assertThat(activities.stored).isEmpty();
        assertThat(activities.keys).isEmpty();
        assertThat(signalled).isEmpty();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_activity_and_records_nothing_more() {
        UUID participant = known(false);
        UUID first = record.record(STAFF, participant, GUIDANCE, "key-1");

        assertThat(record.record(STAFF, participant, GUIDANCE, "key-1")).isEqualTo(first);
        assertThat(activities.events).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_another_activity_is_refused() {
        UUID participant = known(false);
        record.record(STAFF, participant, GUIDANCE, "key-2");

        assertThatThrownBy(() -> record.record(STAFF, participant, new ActivityFacts("DIGITAL_GUIDANCE", GUIDANCE.date(),
                BigDecimal.TEN), "key-2")).isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void a_retry_that_loses_the_race_to_its_own_first_request_is_answered_with_the_first_activity() {
        UUID participant = known(false);
        UUID first = UUID.randomUUID();
        RecordActivity raced = new RecordActivity(new FirstRequestWinsMeanwhile(activities, participant, first),
                id -> Optional.ofNullable(replica.get(id)), signalled::add, CLOCK);

        assertThat(raced.record(STAFF, participant, GUIDANCE, "key-3")).isEqualTo(first);
        assertThat(signalled).isEmpty();
    }

    private UUID known(boolean erased) {
        UUID id = UUID.randomUUID();
        replica.put(id, new Participation(id, "99-000-T01", LocalDate.of(2025, 2, 3), null, erased,
                List.of("DIGITAL_GUIDANCE")));
        return id;
    }

    /** Finds nothing before the write; the write is refused because the first request stored its activity meanwhile. */
    private static final class FirstRequestWinsMeanwhile implements Activities {

        private final InMemoryActivities store;
        private final UUID participant;
        private final UUID first;
        private boolean looked;

        FirstRequestWinsMeanwhile(InMemoryActivities store, UUID participant, UUID first) {
            this.store = store;
            this.participant = participant;
            this.first = first;
        }

        @Override
        public Optional<Activity> find(UUID activityId) {
            return store.find(activityId);
        }

        @Override
        public List<Activity> currentOf(UUID participantId) {
            return store.currentOf(participantId);
        }

        @Override
        public Optional<Activity> byIdempotencyKey(String key) {
            if (!looked) {
                looked = true;
                return Optional.empty();
            }
            return Optional.of(new Activity(first, participant, "99-000-T01", GUIDANCE.type(), GUIDANCE.date(),
                    GUIDANCE.hours(), false));
        }

        @Override
        public void add(Activity activity, ActivityEvent.Recorded event, String idempotencyKey) {
            throw new IdempotencyKeyTaken();
        }

        @Override
        public boolean retract(Activity retracted, ActivityEvent.Retracted event) {
            return store.retract(retracted, event);
        }
    }
}
