package se.stegvis.activity;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.replica.Replica;
import se.stegvis.replica.ReplicatedParticipant;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * activity-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own registry
 * beside it: the same components as the local stack, in one JVM.
 */
final class RunningActivityService implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private RunningActivityService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The project's registry, once per test JVM. */
    static String registryUrl() {
        return SharedRegistry.url();
    }

    /** A service someone else started, e.g. on the real images. */
    static RunningActivityService of(ConfigurableApplicationContext context) {
        return new RunningActivityService(context);
    }

    static RunningActivityService start(String database) {
        return start(database, SharedKafka.bootstrapServers());
    }

    /** On another broker than the shared one (the registry stays on the shared broker). */
    static RunningActivityService start(String database, String bootstrapServers) {
        String registryUrl = registryUrl();
        return new RunningActivityService(new SpringApplicationBuilder(ActivityServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.mongodb.uri=" + SharedMongo.connectionString() + "/" + database,
                "--stegvis.schema-registry.url=" + registryUrl,
                "--management.health.mongodb.enabled=false"));
    }

    /**
     * Waits until the service's replica holds the participant as the condition wants (known, left, erased): the
     * replica's own API, so a test never races the consumer.
     */
    void awaitParticipant(UUID participantId, Predicate<ReplicatedParticipant> condition) {
        Replica replica = context.getBean(Replica.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> replica.participant(participantId).filter(condition).isPresent());
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
