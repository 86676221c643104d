package se.stegvis.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import se.stegvis.registry.SchemaRegistryApplication;
import se.stegvis.reporting.ReportingServiceApplication;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionFunction;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testsupport.SharedKafka;

/**
 * A rebuild of reporting-service's read model from all four topics into an empty store, against a plain consumer that
 * only decodes the same records, in alternating rounds of the same run; with the heap of the JVM that holds the
 * service sampled during each rebuild, and its live set sampled in a last, untimed rebuild.
 */
public final class ReplayBenchmark {

    static final long EVENTS = Long.getLong("bench.replay.events", 40_000);
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.replay.warmUp", 0);
    static final int MEASURED_ROUNDS = Integer.getInteger("bench.replay.rounds", 3);
    static final long LIVE_HEAP_EVERY_MILLIS = Long.getLong("bench.replay.liveHeapEveryMillis", 250);

    record Replayed(long events, long nanos) {
        double perSecond() {
            return events / (nanos / 1e9);
        }
    }

    /** @param checkpointSeconds from the rebuild's DONE until its offsets were committed, its checkpoint written */
    record RoundResult(Replayed raw, Replayed inserting, Replayed service, double checkpointSeconds, HeapSamples.Figures heap) {
        double ratio() {
            return service.perSecond() / raw.perSecond();
        }

        double ratioToInserting() {
            return service.perSecond() / inserting.perSecond();
        }
    }

    /** Exits in every case: the in-process broker and servers would otherwise keep a failed run alive. */
    public static void main(String[] args) {
        try {
            run(Path.of(args.length > 0 ? args[0] : "docs/benchmarks/replay.md"));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path report) throws Exception {
        HeapSamples heap = new HeapSamples();
        try (MongoWireProcess mongo = MongoWireProcess.start("3g")) {
            createTopics();
            try (ConfigurableApplicationContext registry = ServiceStart.run(SchemaRegistryApplication.class,
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(), "--logging.level.root=WARN",
                "--stegvis.registry.auth=none")) {
                String registryUrl = "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
                long writing = System.nanoTime();
                ReplayEvents.Written written = ReplayEvents.write(SharedKafka.bootstrapServers(), registryUrl, EVENTS);
                System.out.printf("wrote %,d events about %,d participants in %.1f s: %s%n", written.total(), written.participants(),
                        (System.nanoTime() - writing) / 1e9, written.byTopic());
                try (ConfigurableApplicationContext service = startService(registryUrl, mongo)) {
                    ServiceReplay rebuild = new ServiceReplay("http://localhost:" + service.getEnvironment().getProperty("local.server.port"),
                            service.getBean(MeterRegistry.class), service.getEnvironment().getProperty("stegvis.projection.group-id"));
                    String group = service.getEnvironment().getProperty("stegvis.projection.group-id");
                    awaitFirstProjection(rebuild, written.total());
                    Callable<Duration> checkpointed = () -> GroupCommitted.awaitEnd(SharedKafka.bootstrapServers(), group,
                            ProjectionFunction.PROJECTED_TOPICS.stream().map(EventTopic::topicName).toList(), Duration.ofMinutes(20));
                    checkpointed.call();
                    List<RoundResult> results = rounds(new RawDecodingReplay(SharedKafka.bootstrapServers(), registryUrl),
                            new DecodeAndInsertReplay(SharedKafka.bootstrapServers(), registryUrl, mongo.connectionString()), rebuild,
                            checkpointed, heap, written.total());
                    HeapSamples.Measured<Replayed> live = heap.liveDuring(() -> rebuild.replay(written.total()), LIVE_HEAP_EVERY_MILLIS);
                    checkpointed.call();
                    System.out.printf("live heap during an untimed rebuild: %s%n", live.heap());
                    if (rebuild.deadLetters() != 0) {
                        throw new IllegalStateException(rebuild.deadLetters() + " records were dead-lettered");
                    }
                    new ReplayBenchmarkReport(results, live, written, WARM_UP_ROUNDS, LIVE_HEAP_EVERY_MILLIS).writeTo(report);
                    System.out.println("written to " + report);
                }
            }
        }
    }

    /**
     * Each round waits, after the rebuild, until its checkpoint is committed (timed): the next measurement then does not
     * share the two cores with the writing of the last rebuild's state.
     */
    private static List<RoundResult> rounds(RawDecodingReplay raw, DecodeAndInsertReplay inserting, ServiceReplay rebuild,
            Callable<Duration> checkpointed, HeapSamples heap, long events) throws Exception {
        List<RoundResult> results = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            boolean baselinesFirst = round % 2 == 0;
            Replayed rawFirst = baselinesFirst ? raw.replay(events, round) : null;
            Replayed insertingFirst = baselinesFirst ? inserting.replay(events, round) : null;
            HeapSamples.Measured<Replayed> service = heap.during(() -> rebuild.replay(events));
            double checkpointSeconds = checkpointed.call().toNanos() / 1e9;
            Replayed rawTimed = baselinesFirst ? rawFirst : raw.replay(events, round);
            Replayed insertingTimed = baselinesFirst ? insertingFirst : inserting.replay(events, round);
            RoundResult result = new RoundResult(rawTimed, insertingTimed, service.result(), checkpointSeconds, service.heap());
            System.out.printf("round %d%s: raw %,.0f events/s, decode+insert %,.0f events/s, service %,.0f events/s, ratio %.3f "
                    + "(to decode+insert %.3f), checkpoint committed %.1f s after DONE, heap %s%n", round + 1,
                    round < WARM_UP_ROUNDS ? " (warm-up)" : "", rawTimed.perSecond(), insertingTimed.perSecond(), service.result().perSecond(),
                    result.ratio(), result.ratioToInserting(), checkpointSeconds, service.heap());
            if (round >= WARM_UP_ROUNDS) {
                results.add(result);
            }
        }
        return results;
    }

    /** The service's first start replays everything on its own (a new consumer group): an untimed warm-up. */
    private static void awaitFirstProjection(ServiceReplay rebuild, long events) throws InterruptedException {
        long start = System.nanoTime();
        while (rebuild.applied() < events) {
            if (System.nanoTime() - start > 20L * 60 * 1_000_000_000) {
                throw new IllegalStateException("the first projection applied only " + rebuild.applied() + " of " + events);
            }
            Thread.sleep(200);
        }
        System.out.printf("first projection of %,d events after start: %.1f s%n", events, (System.nanoTime() - start) / 1e9);
    }

    private static ConfigurableApplicationContext startService(String registryUrl, MongoWireProcess mongo) {
        return ServiceStart.run(ReportingServiceApplication.class, BenchSignIn.serviceArguments("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongo.connectionString() + "/replay-benchmark", "--stegvis.schema-registry.url=" + registryUrl,
                "--stegvis.projection.group-id=replay-benchmark-" + System.nanoTime(), "--management.health.mongodb.enabled=false",
                "--logging.level.root=WARN"));
    }

    /**
     * Projects and memberships on one partition; the participant-keyed topics on three each, as the services declare
     * them. Memberships too, since a benchmark publishes them before any service that would declare the topic runs.
     */
    static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(EventTopic.PROJECTS.topicName(), 1, (short) 1).configs(EventTopic.PROJECTS.topicConfigs()),
                    new NewTopic(EventTopic.MEMBERSHIPS.topicName(), 1, (short) 1).configs(EventTopic.MEMBERSHIPS.topicConfigs()),
                    new NewTopic(EventTopic.PARTICIPANTS.topicName(), 3, (short) 1).configs(EventTopic.PARTICIPANTS.topicConfigs()),
                    new NewTopic(EventTopic.ACTIVITIES.topicName(), 3, (short) 1).configs(EventTopic.ACTIVITIES.topicConfigs()),
                    new NewTopic(EventTopic.OUTCOMES.topicName(), 3, (short) 1).configs(EventTopic.OUTCOMES.topicConfigs()))).all().get();
        }
    }
}
