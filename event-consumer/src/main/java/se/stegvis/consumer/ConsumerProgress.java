package se.stegvis.consumer;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * How far each consumer group of the service has come, for metrics and readiness: events applied, records set
 * aside, how many records it is behind, whether it has caught up since it started (or since its last replay began),
 * and whether it is waiting for something (the registry, a store, Kafka). Written on the consumers' threads, read
 * from any.
 *
 * <p>Meters, tagged {@code group}: {@code stegvis.consumer.applied}, {@code stegvis.consumer.dead-lettered},
 * {@code stegvis.consumer.lag} (NaN while unknown) and {@code stegvis.consumer.waiting} (1 while waiting).
 *
 * <p>Readiness is that of the groups the service {@linkplain #expect expects}. A group that only reports (an
 * anonymous one, new at every start, such as the memberships reader's) has its meters, and is judged ready or not
 * by its own indicator.
 */
public final class ConsumerProgress {

    /** One group's state. */
    static final class Group {
        final AtomicLong applied = new AtomicLong();
        final AtomicLong deadLettered = new AtomicLong();
        volatile boolean expected;
        volatile long lag = -1;
        volatile boolean caughtUpOnce;
        volatile String waitingFor;
        /** While a replay runs: the end offsets it must reach before the group counts as caught up. */
        volatile Map<TopicPartition, Long> replayUntil;
        /** While a replay runs: the offsets it began from. */
        volatile Map<TopicPartition, Long> replayFrom = Map.of();
        /** The latest replay's course; null while there was none since the start. */
        volatile ReplayProgress replay;
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    /** @param meters where the meters go; null for none */
    public ConsumerProgress(MeterRegistry meters) {
        this(meters, Clock.systemUTC());
    }

    /** @param clock when a replay was requested and finished */
    public ConsumerProgress(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** A group the service runs: readiness waits for it to catch up from the moment it is expected. */
    public void expect(String group) {
        group(group).expected = true;
    }

    public Set<String> groups() {
        return Set.copyOf(groups.keySet());
    }

    /** After a batch was applied and committed: counts it, and ends any wait. */
    public void applied(String group, int events) {
        Group state = group(group);
        state.applied.addAndGet(events);
        state.waitingFor = null;
    }

    /**
     * Counts the events a batch function wrote before a record it named at fault: the container commits them and goes
     * on from that record, so they are not handed over again. A wait goes on: the record may be the registry's to
     * decode.
     */
    void appliedBefore(String group, int events) {
        group(group).applied.addAndGet(events);
    }

    void deadLettered(String group) {
        group(group).deadLettered.incrementAndGet();
    }

    /** The group cannot go on until what it waits for is back (named by exception classes, never content). */
    public void waiting(String group, String forWhat) {
        group(group).waitingFor = forWhat;
    }

    /** What the group waited for is back. */
    public void resumed(String group) {
        group(group).waitingFor = null;
    }

    /** A replay was asked for: not caught up until it has begun and reached the end again. */
    public void replaying(String group) {
        Group state = group(group);
        state.caughtUpOnce = false;
        state.lag = -1;
        synchronized (state) {
            state.replay = ReplayProgress.requested(clock.instant());
        }
    }

    /**
     * A replay began from these start offsets: caught up once the consumer's position reaches these end offsets.
     */
    void replaying(String group, Map<TopicPartition, Long> startOffsets, Map<TopicPartition, Long> endOffsets) {
        Group state = group(group);
        long toReplay = endOffsets.entrySet().stream()
                .mapToLong(end -> end.getValue() - startOffsets.getOrDefault(end.getKey(), 0L)).sum();
        state.replayFrom = Map.copyOf(startOffsets);
        state.replayUntil = Map.copyOf(endOffsets);
        synchronized (state) {
            ReplayProgress asked = state.replay;
            state.replay = new ReplayProgress(ReplayProgress.State.REPLAYING, 0, toReplay,
                    asked == null ? clock.instant() : asked.requestedAt(), null);
        }
        state.caughtUpOnce = false;
        state.lag = -1;
    }

    /** The group's latest replay, if it had one since the service started. */
    public java.util.Optional<ReplayProgress> replay(String group) {
        Group state = groups.get(group);
        return java.util.Optional.ofNullable(state == null ? null : state.replay);
    }

    /**
     * After a batch function applied and committed a batch: counts its events, ends any wait, and measures the lag
     * from the consumer that polled it (when there is one). Called by {@link BatchApplication}.
     */
    void batchApplied(EventBatch batch, int events) {
        applied(batch.group(), events);
        if (batch.consumer() != null) {
            measure(batch.group(), batch.consumer());
        }
    }

    /**
     * From the high watermarks the consumer's last fetches brought, so no call to the broker; on the consumer's own
     * thread. Unknown until every assigned partition has been fetched once.
     */
    public void measure(String group, Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        long behind = 0;
        boolean known = !assigned.isEmpty();
        for (TopicPartition partition : assigned) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            known &= partitionLag.isPresent();
            behind += partitionLag.orElse(0);
        }
        Group state = group(group);
        state.lag = known ? behind : -1;
        Map<TopicPartition, Long> replayUntil = state.replayUntil;
        if (replayUntil != null) {
            // Lag alone can read 0 just after the seek back to the start: the replay must have come as far as the end
            // the topics had when it began.
            if (!replayed(state, replayUntil, assigned, consumer)) {
                return;
            }
            state.replayUntil = null;
        }
        if (known && behind == 0) {
            state.caughtUpOnce = true;
        }
    }

    /**
     * After a batch failed (the store or the registry away, or a record at fault), on the consumer's thread, before
     * the failure goes to the container: the container retries a batch whose write failed with the consumer paused,
     * which then fetches nothing and so learns of no new records, and re-polls from a record at fault, which counts
     * as applied only once it was. So the lag is asked of the broker here: each assigned partition's end offset less
     * where the batch's records not applied begin on it (the consumer's position where it has none of them). Each
     * retry that fails measures again, so the gauge shows the backlog growing while the group waits. Left as it was
     * when the broker does not answer. Called by {@link BatchApplication}.
     *
     * @param unapplied the failed batch's records from the first that was not applied (all of them after a write
     *        that failed; from the record at fault where one was named)
     */
    void measureFailed(String group, Consumer<?, ?> consumer, List<EventBatch.Entry> unapplied) {
        Map<TopicPartition, Long> firsts = new HashMap<>();
        for (EventBatch.Entry entry : unapplied) {
            firsts.merge(new TopicPartition(entry.topic(), entry.partition()), entry.offset(), Math::min);
        }
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned).entrySet()) {
                Long first = firsts.get(end.getKey());
                behind += Math.max(0, end.getValue() - (first != null ? first : consumer.position(end.getKey())));
            }
            group(group).lag = assigned.isEmpty() ? -1 : behind;
        } catch (RuntimeException unanswered) {
            // Kafka away as well: the gauge keeps its last value until a batch or an idle moment measures again.
        }
    }

    /**
     * Whether the replay has come as far as the end offsets it began with (a partition no longer assigned counts as
     * there); counts what it has replayed, and notes when it finished.
     */
    private boolean replayed(Group state, Map<TopicPartition, Long> until, Set<TopicPartition> assigned, Consumer<?, ?> consumer) {
        long replayed = 0;
        boolean done = true;
        for (Map.Entry<TopicPartition, Long> end : until.entrySet()) {
            long position = assigned.contains(end.getKey()) ? consumer.position(end.getKey()) : end.getValue();
            replayed += Math.min(position, end.getValue()) - state.replayFrom.getOrDefault(end.getKey(), 0L);
            done &= position >= end.getValue();
        }
        synchronized (state) {
            // A replay asked for again meanwhile stays asked for.
            ReplayProgress course = state.replay;
            if (course != null && course.state() == ReplayProgress.State.REPLAYING) {
                state.replay = new ReplayProgress(done ? ReplayProgress.State.DONE : ReplayProgress.State.REPLAYING, replayed,
                        course.toReplay(), course.requestedAt(), done ? clock.instant() : null);
            }
        }
        return done;
    }

    /** Whether every expected group has caught up since it started (or since its replay began) and none is waiting. */
    public boolean ready() {
        return groups.values().stream().filter(state -> state.expected)
                .allMatch(state -> state.caughtUpOnce && state.waitingFor == null);
    }

    /** Why not {@link #ready()}, per group; empty when ready. */
    public Map<String, String> notReady() {
        Map<String, String> reasons = new java.util.TreeMap<>();
        groups.forEach((name, state) -> {
            if (!state.expected) {
                return;
            }
            if (state.waitingFor != null) {
                reasons.put(name, "waiting: " + state.waitingFor);
            } else if (!state.caughtUpOnce) {
                reasons.put(name, state.lag < 0 ? "catching up" : "catching up, " + state.lag + " records behind");
            }
        });
        return reasons;
    }

    /**
     * Whether the group has caught up since it started, or since its latest replay began (what readiness waits for);
     * it may have fallen behind again since.
     */
    public boolean caughtUpOnce(String group) {
        Group state = groups.get(group);
        return state != null && state.caughtUpOnce;
    }

    /** Records the group is behind, as last measured ({@code stegvis.consumer.lag}); empty while unknown. */
    public OptionalLong lag(String group) {
        Group state = groups.get(group);
        return state == null || state.lag < 0 ? OptionalLong.empty() : OptionalLong.of(state.lag);
    }

    public boolean caughtUp(String group) {
        Group state = groups.get(group);
        return state != null && state.caughtUpOnce && state.lag == 0;
    }

    public long appliedCount(String group) {
        Group state = groups.get(group);
        return state == null ? 0 : state.applied.get();
    }

    public long deadLetteredCount(String group) {
        Group state = groups.get(group);
        return state == null ? 0 : state.deadLettered.get();
    }

    public boolean waiting(String group) {
        Group state = groups.get(group);
        return state != null && state.waitingFor != null;
    }

    private Group group(String name) {
        return groups.computeIfAbsent(name, key -> {
            Group state = new Group();
            if (meters != null) {
                Tags tags = Tags.of("group", key);
                FunctionCounter.builder("stegvis.consumer.applied", state.applied, AtomicLong::get).tags(tags)
                        .description("Events applied to the consumer's store").register(meters);
                FunctionCounter.builder("stegvis.consumer.dead-lettered", state.deadLettered, AtomicLong::get).tags(tags)
                        .description("Records set aside on the dead-letter topic").register(meters);
                Gauge.builder("stegvis.consumer.lag", state, s -> s.lag < 0 ? Double.NaN : s.lag).tags(tags)
                        .description("Records behind the end offsets last seen, over all assigned partitions").register(meters);
                Gauge.builder("stegvis.consumer.waiting", state, s -> s.waitingFor == null ? 0 : 1).tags(tags)
                        .description("1 while the consumer waits for the registry, its store or Kafka").register(meters);
            }
            return state;
        });
    }
}
