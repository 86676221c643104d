package se.stegvis.reporting;


import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testing.SharedRegistry;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * reporting-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own registry
 * beside it: the same components as the local stack, in one JVM. Each start has a database and a consumer group of
 * its own.
 */
final class RunningReportingService implements AutoCloseable {


    final ConfigurableApplicationContext context;

    private RunningReportingService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The project's registry, once per test JVM. */
    static String registryUrl() {
        return SharedRegistry.url();
    }

    static RunningReportingService start() {
        String registryUrl = registryUrl();
        return new RunningReportingService(new SpringApplicationBuilder(ReportingServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.mongodb.uri=" + SharedMongo.freshDatabase("reporting-it"),
                "--stegvis.schema-registry.url=" + registryUrl,
                "--stegvis.projection.group-id=reporting-it-" + UUID.randomUUID(),
                "--management.health.mongodb.enabled=false"));
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
