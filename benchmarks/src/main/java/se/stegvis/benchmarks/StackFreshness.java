package se.stegvis.benchmarks;

import java.time.Duration;
import java.util.List;

import se.stegvis.localstack.DemoMembers;

/**
 * Figure 3 on the stack: one EMPLOYED outcome per participant of the freshness pool (enrolled and left through
 * participant-service while seeding), {@code POST /api/participants/{id}/outcomes} on outcome-service as the pool
 * project's STAFF, open loop at the rate; reporting-service's live stream read as {@code malmo-owner} (a project
 * member may read the cross-project view), where the pool project's column of {@code employed-upon-leaving} shows each
 * outcome; plain Kafka produce→consume latency on the stack's broker at the same rate at the same time.
 */
final class StackFreshness {

    static final String INDICATOR = FreshnessBenchmark.INDICATOR;
    /** The stream may lag far behind on a slow stack: what it has not shown by then counts as never seen. */
    private static final Duration CATCH_UP_AT_MOST = Duration.ofMinutes(30);

    private StackFreshness() {
    }

    static FreshnessBenchmark.Result measure(StackUnderTest stack, StackBenchSettings settings, List<String> poolIds) throws Exception {
        int warmUp = settings.rate() * settings.warmUpSeconds();
        int count = settings.rate() * settings.freshnessSeconds();
        if (poolIds.size() < warmUp + count) {
            throw new IllegalStateException("the seeded freshness pool has " + poolIds.size() + " participants, " + (warmUp + count) + " needed");
        }
        return new FreshnessRun(stack.bootstrapServers(), settings.rate(), settings.senders(), settings.idleSeconds(), CATCH_UP_AT_MOST,
                (first, n) -> new OutcomeCommands(stack.url("outcome", ""), poolIds::get, () -> stack.bearer(StackSeed.POOL_STAFF), first, n),
                () -> new IndicatorStreamListener(stack.url("reporting", ""), stack.bearer(DemoMembers.OWNER),
                        IndicatorStreamListener.columnTotal(StackSeed.POOL_PROJECT, INDICATOR)))
                .measure(warmUp, count);
    }
}
