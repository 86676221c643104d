package se.stegvis.localstack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What a load sent and what the services accepted (answered 2xx), as the client saw it: the truth the converged
 * stack is checked against. A retraction is a command of its own, accepted with the id of the activity or outcome it
 * retracted, so that what counts is what was recorded minus what was retracted.
 */
final class Ledger {

    enum Kind {
        ENROLMENT, ACTIVITY, OUTCOME, ACTIVITY_RETRACTION, OUTCOME_RETRACTION;

        /** The retraction of what this kind records; null for an enrolment, which is not retracted. */
        Kind retraction() {
            return switch (this) {
                case ACTIVITY -> ACTIVITY_RETRACTION;
                case OUTCOME -> OUTCOME_RETRACTION;
                default -> null;
            };
        }
    }

    /**
     * A command the services accepted: the id they answered with (a retraction: the id it retracted), the participant
     * it belongs to, the activity's or outcome's type as recorded (null for the other kinds), when.
     */
    record Accepted(Kind kind, String id, String participantId, String type, Instant at) {
    }

    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    void commandBegun() {
        commands.incrementAndGet();
    }

    void attempted() {
        attempts.incrementAndGet();
    }

    void retrying(String reason) {
        retries.computeIfAbsent(reason, key -> new AtomicInteger()).incrementAndGet();
    }

    void accepted(Kind kind, String id, String participantId, String type) {
        accepted.add(new Accepted(kind, id, participantId, type, Instant.now()));
    }

    /** An answer the client cannot retry (a 4xx other than not-known-yet): a test failure. */
    void refused(String description) {
        refused.add(description);
    }

    int commands() {
        return commands.get();
    }

    int attempts() {
        return attempts.get();
    }

    Map<String, Integer> retries() {
        return new TreeMap<>(retries.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get())));
    }

    int retryCount() {
        return retries.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    Set<String> ids(Kind kind) {
        return accepted.stream().filter(entry -> entry.kind() == kind).map(Accepted::id).collect(Collectors.toSet());
    }

    long count(Kind kind) {
        return accepted.stream().filter(entry -> entry.kind() == kind).count();
    }

    long acceptedBetween(Kind kind, Instant from, Instant to) {
        return accepted.stream().filter(entry -> entry.kind() == kind && !entry.at().isBefore(from) && entry.at().isBefore(to)).count();
    }

    /** Commands of every kind accepted in [from, to). */
    long acceptedBetween(Instant from, Instant to) {
        return accepted.stream().filter(entry -> !entry.at().isBefore(from) && entry.at().isBefore(to)).count();
    }

    Instant lastAccepted() {
        return accepted.stream().map(Accepted::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
