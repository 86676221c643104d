package se.stegvis.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.access.Memberships;
import se.stegvis.access.ProjectRole;

/**
 * A service started for real in the test JVM, as its integration tests reach it: its API and management ports, a
 * client signed in by the shared {@link TestIssuer}, and waits for what the service learns through Kafka.
 */
public abstract class RunningService implements AutoCloseable {

    protected final ConfigurableApplicationContext context;

    protected RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The management port: health details, metrics. */
    public String managementUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.management.port");
    }

    /** A client signed in as the subject, with the global roles given. */
    public Http as(String subject, String... roles) {
        return new Http(baseUrl()).withToken(TestIssuer.shared().token(subject, roles));
    }

    /** Waits until the service says it is ready (those that learn memberships from Kafka: once they have read them). */
    public void awaitReady() {
        Http anonymous = new Http(baseUrl());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/readyz").status() == 200);
    }

    /** Waits until the service knows the subject as STAFF of the project. */
    public void awaitStaff(String subject, String projectId) {
        Memberships memberships = context.getBean(Memberships.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> memberships.of(subject).get(projectId) == ProjectRole.STAFF);
    }

    @Override
    public void close() {
        context.close();
    }
}
