package se.stegvis.reporting;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.registry.SchemaRegistryApplication;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * reporting-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own registry
 * beside it: the same components as the local stack, in one JVM. Each start has a database and a consumer group of
 * its own.
 */
final class RunningReportingService implements AutoCloseable {

    private static ConfigurableApplicationContext registry;

    final ConfigurableApplicationContext context;

    private RunningReportingService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static synchronized String registryUrl() {
        if (registry == null) {
            KafkaTopics.ensure(SharedKafka.bootstrapServers(),
                    Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toArray(String[]::new));
            registry = new SpringApplicationBuilder(SchemaRegistryApplication.class).run("--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                    "--stegvis.registry.topic=_schemas_reporting_service");
        }
        return "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
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
