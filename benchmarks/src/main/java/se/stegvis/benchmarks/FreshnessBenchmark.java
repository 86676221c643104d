package se.stegvis.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.outcome.OutcomeServiceApplication;
import se.stegvis.registry.SchemaRegistryApplication;
import se.stegvis.replica.Replica;
import se.stegvis.reporting.ReportingServiceApplication;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.SharedKafka;

/**
 * Freshness: from the 201 of an outcome recorded through outcome-service to its change arriving on
 * reporting-service's live stream, at a fixed command rate, beside plain produce→consume latency on the same broker
 * at the same rate, measured at the same time. Both services trust the in-process test issuer; outcomes are recorded as
 * the project's STAFF and the stream read as its OWNER, memberships published on stegvis.memberships.v1 first.
 */
public final class FreshnessBenchmark {

    static final int RATE = Integer.getInteger("bench.freshness.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.freshness.seconds", 180);
    static final int SENDERS = Integer.getInteger("bench.freshness.senders", 32);
    /** Commands at the same rate on other participants before the clock starts: JIT, connections and caches warm up. */
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.freshness.warmUpSeconds", 30);
    /** Plain Kafka alone first, on the idle broker, for this long: what the same client latency is without the load. */
    static final int IDLE_SECONDS = Integer.getInteger("bench.freshness.idleSeconds", 20);
    static final String INDICATOR = "employed-upon-leaving";

    record Result(Freshness pipeline, List<Double> rawMillis, int rawSent, List<Double> idleRawMillis, List<Double> commandMillis,
                  OpenLoop.Run commands, int refused, String lastRefusal, long streamEvents, long lastTotal,
                  List<IndicatorStreamListener.Arrival> arrivals) {
    }

    /** Exits in every case: the in-process broker and servers would otherwise keep a failed run alive. */
    public static void main(String[] args) {
        try {
            run(Path.of(args.length > 0 ? args[0] : "docs/benchmarks/freshness.md"));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path report) throws Exception {
        int count = RATE * SECONDS;
        int warmUp = RATE * WARM_UP_SECONDS;
        try (MongoWireProcess mongo = MongoWireProcess.start("3g")) {
            ReplayBenchmark.createTopics();
            try (ConfigurableApplicationContext registry = ServiceStart.run(SchemaRegistryApplication.class,
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(), "--logging.level.root=WARN",
                "--stegvis.registry.auth=none")) {
                String registryUrl = "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
                FreshnessParticipants participants = new FreshnessParticipants(warmUp + count);
                participants.write(SharedKafka.bootstrapServers(), registryUrl);
                // Who may record and read: published as participant-service publishes memberships, before the services start.
                try (UpstreamEvents upstream = new UpstreamEvents(SharedKafka.bootstrapServers(), registryUrl)) {
                    upstream.members(FreshnessParticipants.PROJECT, Map.of(BenchSignIn.STAFF, "STAFF", BenchSignIn.OWNER, "OWNER"));
                }
                try (ConfigurableApplicationContext outcomes = start(OutcomeServiceApplication.class, "freshness-outcome", registryUrl, mongo);
                     ConfigurableApplicationContext reporting = start(ReportingServiceApplication.class, "freshness-reporting", registryUrl, mongo)) {
                    participants.awaitReplica(outcomes.getBean(Replica.class));
                    BenchSignIn.awaitAllowed(url(outcomes) + "/api/follow-ups/due?projectId=" + FreshnessParticipants.PROJECT
                            + "&before=2099-01-01", BenchSignIn.STAFF, Duration.ofMinutes(2));
                    String reportingUrl = url(reporting);
                    BenchSignIn.awaitAllowed(reportingUrl + "/api/projects/" + FreshnessParticipants.PROJECT + "/indicators",
                            BenchSignIn.OWNER, Duration.ofMinutes(2));
                    participants.awaitReporting(reportingUrl);
                    Result result = measure(url(outcomes), reportingUrl, warmUp, count);
                    new FreshnessReport(result, RATE, SECONDS, SENDERS).writeTo(report);
                    System.out.println("written to " + report);
                }
            }
        }
    }

    private static Result measure(String outcomeUrl, String reportingUrl, int warmUp, int count) throws Exception {
        return new FreshnessRun(SharedKafka.bootstrapServers(), RATE, SENDERS, IDLE_SECONDS, Duration.ofMinutes(10),
                (first, n) -> new OutcomeCommands(outcomeUrl, first, n), () -> new IndicatorStreamListener(reportingUrl, INDICATOR))
                .measure(warmUp, count);
    }

    private static ConfigurableApplicationContext start(Class<?> application, String database, String registryUrl, MongoWireProcess mongo) {
        return ServiceStart.run(application, BenchSignIn.serviceArguments("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongo.connectionString() + "/" + database, "--stegvis.schema-registry.url=" + registryUrl,
                "--stegvis.time-zone=Europe/Stockholm", "--management.health.mongodb.enabled=false", "--logging.level.root=WARN"));
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
