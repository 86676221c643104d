package se.stegvis.activity.activities.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;

/** Activities in a map, with the events each write stored, for use cases tested without MongoDB. */
final class InMemoryActivities implements Activities {

    final Map<UUID, Activity> stored = new LinkedHashMap<>();
    final Map<String, UUID> keys = new HashMap<>();
    final List<ActivityEvent> events = new ArrayList<>();

    @Override
    public Optional<Activity> find(UUID activityId) {
        return Optional.ofNullable(stored.get(activityId));
    }

    @Override
    public List<Activity> currentOf(UUID participantId) {
        return stored.values().stream().filter(a -> a.participantId().equals(participantId) && !a.retracted())
                .sorted(Comparator.comparing(Activity::date)).toList();
    }

    @Override
    public Optional<Activity> byIdempotencyKey(String key) {
        return Optional.ofNullable(keys.get(key)).map(stored::get);
    }

    @Override
    public void add(Activity activity, ActivityEvent.Recorded event, String idempotencyKey) {
        if (idempotencyKey != null && keys.containsKey(idempotencyKey)) {
            throw new IdempotencyKeyTaken();
        }
        stored.put(activity.id(), activity);
        if (idempotencyKey != null) {
            keys.put(idempotencyKey, activity.id());
        }
        events.add(event);
    }

    @Override
    public boolean retract(Activity retracted, ActivityEvent.Retracted event) {
        if (stored.get(retracted.id()).retracted()) {
            return false;
        }
        stored.put(retracted.id(), retracted);
        events.add(event);
        return true;
    }
}
