package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import se.stegvis.reporting.indicators.application.ReadModelLease;
import se.stegvis.schemas.serde.DecodeFailure;

/**
 * Starts the projection's binding (which does not start on its own) only once this instance is sure to be the one
 * that feeds its read model: nobody else is a member of its consumer group (two members of one group would each count
 * only the partitions they were given, and show partial figures), and it holds the read model's lease (two instances
 * on one store would overwrite each other's checkpoints). A second instance is refused with a message saying what to
 * change ({@link Refusal}: by default the process ends with exit code 78, as for a configuration error). Kafka or the
 * store away at start is waited for, the service alive and not ready. Once started, the lease is renewed; an instance
 * that finds it taken over stops the same way.
 */
public final class ProjectionStart implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStart.class);

    /** What is done with an instance that must not feed the read model. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(String message);
    }

    /** Where the timing comes from: how long a member that seems gone is given to leave, how often the lease is renewed. */
    public record Timing(Duration patience, Duration renewEvery) {

        /** Renewals a live holder may miss (a pause, a slow store) before a newcomer takes its lease. */
        static final int RENEWALS_MISSED_BEFORE_STALE = 3;

        /**
         * How long a newcomer watches the lease's holder before judging it gone: the patience, but never less than
         * three renewals, so that a live holder (which renews only every {@link #renewEvery}) is never taken over
         * because the patience was set short.
         */
        public Duration leaseStaleAfter() {
            Duration renewals = renewEvery.multipliedBy(RENEWALS_MISSED_BEFORE_STALE);
            return patience.compareTo(renewals) > 0 ? patience : renewals;
        }
    }

    private final String group;
    private final String ownStaticMember;
    private final java.util.function.Supplier<Admin> admin;
    private final ReadModelLease lease;
    private final Runnable startBinding;
    private final Refusal refusal;
    private final Timing timing;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread started = new Thread(runnable, "projection-start");
        started.setDaemon(true);
        return started;
    });
    private volatile boolean holding;

    /**
     * @param ownStaticMember the static member id this instance's consumer has in the group (its instance id and
     *        binding), or blank: a member under it is an earlier run of this same instance, not another one
     */
    public ProjectionStart(String group, String ownStaticMember, java.util.function.Supplier<Admin> admin, ReadModelLease lease,
            Runnable startBinding, Refusal refusal, Timing timing) {
        this.group = group;
        this.ownStaticMember = ownStaticMember == null ? "" : ownStaticMember.strip();
        this.admin = admin;
        this.lease = lease;
        this.startBinding = startBinding;
        this.refusal = refusal;
        this.timing = timing;
    }

    /** Once the application is ready (its bindings made, not started): the checks run on a thread of their own. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        thread.execute(() -> attempt(Duration.ofMillis(500)));
    }

    private void attempt(Duration backOff) {
        try {
            aloneInGroup();
            lease.acquire();
        } catch (Refused | ReadModelLease.HeldElsewhere refused) {
            log.error("Consumer group {}: this reporting-service does not start its projection. {}", group, refused.getMessage());
            refusal.refuse(refused.getMessage());
            return;
        } catch (RuntimeException away) {
            log.warn("Consumer group {}: cannot yet tell whether another instance feeds the read model (Kafka or the store "
                    + "away); asking again in {} ms: {}", group, backOff.toMillis(), DecodeFailure.classes(away));
            Duration next = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backOff.multipliedBy(2);
            thread.schedule(() -> attempt(next), backOff.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        holding = true;
        startBinding.run();
        log.info("Consumer group {}: the projection started, the only member of its group and holder of its read model", group);
        long every = timing.renewEvery().toMillis();
        thread.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            lease.renew();
        } catch (ReadModelLease.HeldElsewhere lost) {
            holding = false;
            log.error("Consumer group {}: {}", group, lost.getMessage());
            refusal.refuse(lost.getMessage());
            thread.shutdown();
        } catch (RuntimeException away) {
            log.warn("Consumer group {}: the read model's lease could not be renewed: {}", group, DecodeFailure.classes(away));
        }
    }

    /** Another member now, and still after the patience that a crashed member is given to drop out: refused. */
    private void aloneInGroup() {
        List<MemberDescription> others = others();
        if (others.isEmpty()) {
            return;
        }
        try {
            Thread.sleep(timing.patience().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the group's other members to leave", e);
        }
        others = others();
        if (!others.isEmpty()) {
            throw new Refused("Consumer group " + group + " already has " + others.size() + " other member(s) ("
                    + others.stream().map(member -> member.clientId() + " at " + member.host()).toList() + "): another "
                    + "reporting-service instance feeds it. Two instances in one group would each count only the events of "
                    + "the partitions they are given and show partial figures. Give each instance its own consumer group "
                    + "(stegvis.projection.group-id) and database (spring.mongodb.uri), each showing the whole view, or stop "
                    + "the other instance.");
        }
    }

    private List<MemberDescription> others() {
        try (Admin client = admin.get()) {
            Map<String, ConsumerGroupDescription> described = client.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
            ConsumerGroupDescription description = described.get(group);
            return description == null ? List.of() : description.members().stream()
                    .filter(member -> ownStaticMember.isEmpty() || member.groupInstanceId().filter(id -> id.startsWith(ownStaticMember)).isEmpty())
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of(); // a group nobody has joined yet
            }
            throw new IllegalStateException("The consumer group could not be described", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The consumer group could not be described", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing the consumer group", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (holding) {
            try {
                lease.release();
            } catch (RuntimeException away) {
                log.warn("Consumer group {}: the read model's lease could not be given up (taken over once stale): {}",
                        group, DecodeFailure.classes(away));
            }
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
