package se.stegvis.outcome;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.access.ProjectRole;
import se.stegvis.access.kafka.MembershipTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testing.Http;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testsupport.SharedMongo;

/**
 * outcome-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own registry
 * beside it, and "today" fixed by the clock it is given.
 */
final class RunningOutcomeService implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private RunningOutcomeService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The project's registry, once per test JVM. */
    static String registryUrl() {
        return SharedRegistry.url();
    }

    /** On the given broker (the registry stays on the shared one); a replica group of its own, so it reads from the start. */
    static RunningOutcomeService start(String database, String bootstrapServers, Clock clock) {
        String registryUrl = registryUrl();
        return new RunningOutcomeService(new SpringApplicationBuilder(OutcomeServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.mongodb.uri=" + SharedMongo.connectionString() + "/" + database,
                        "--stegvis.schema-registry.url=" + registryUrl,
                        "--stegvis.replica.group-id=outcome-service.replica-" + UUID.randomUUID(),
                        "--management.server.port=0", "--management.health.mongodb.enabled=false",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().issuerUri(),
                        "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE));
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

    /** Until the replica has the project: a follow-up list answers 404 before. */
    void awaitProject(Http http, String projectId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/follow-ups/due?projectId=" + projectId + "&before=2025-01-01").status() == 200);
    }

    /** Until the replica has the participant (or knows them erased): what a client does after a 404 not-known-yet. */
    void awaitReplicated(Http http, UUID participantId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/participants/" + participantId + "/outcomes").status() != 404);
    }

    @Override
    public void close() {
        context.close();
    }
}
