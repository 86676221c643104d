package se.stegvis.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testing.Http;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * reporting-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own registry
 * beside it: the same components as the local stack, in one JVM. Each start has a database and a consumer group of
 * its own.
 */
final class RunningReportingService implements AutoCloseable {


    final ConfigurableApplicationContext context;
    private UpstreamEvents upstream;

    private RunningReportingService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The project's registry, once per test JVM. */
    static String registryUrl() {
        return SharedRegistry.url();
    }

    static RunningReportingService start(String... settings) {
        return startOn(SharedMongo.freshDatabase("reporting-it"), "reporting-it-" + UUID.randomUUID(), settings);
    }

    /** On the given database and consumer group: to start again where an earlier start left off. */
    static RunningReportingService startOn(String mongoUri, String groupId, String... settings) {
        String registryUrl = registryUrl();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri,
                "--stegvis.schema-registry.url=" + registryUrl,
                "--stegvis.projection.group-id=" + groupId,
                "--management.health.mongodb.enabled=false"));
        args.addAll(List.of(settings));
        return new RunningReportingService(new SpringApplicationBuilder(ReportingServiceApplication.class).run(args.toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Plays the upstream services against the same broker and registry; closed with the service. */
    synchronized UpstreamEvents upstream() {
        if (upstream == null) {
            upstream = new UpstreamEvents(SharedKafka.bootstrapServers(), registryUrl());
        }
        return upstream;
    }

    Http http() {
        return new Http(baseUrl());
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
        context.close();
    }
}
