package se.stegvis.activity;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.access.ProjectRole;
import se.stegvis.access.kafka.MembershipTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;
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
                "--management.server.port=0", "--management.health.mongodb.enabled=false",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE));
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

    /** Waits until the service says it is ready: only once it has read the memberships. */
    void awaitReady() {
        Http anonymous = new Http(baseUrl());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/readyz").status() == 200);
    }

    /** Waits until the service knows the subject as STAFF of the project, from the memberships topic. */
    void awaitStaff(String subject, String projectId) {
        MembershipTopic memberships = context.getBean(MembershipTopic.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> memberships.of(subject).get(projectId) == ProjectRole.STAFF);
    }

    /** A client signed in as the subject. */
    Http as(String subject, String... roles) {
        return new Http(baseUrl()).withToken(TestIssuer.shared().token(subject, roles));
    }

    /** The management port: health details, metrics. */
    String managementUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.management.port");
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
