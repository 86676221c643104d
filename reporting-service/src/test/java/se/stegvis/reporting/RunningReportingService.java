package se.stegvis.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testing.Http;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * reporting-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own registry
 * beside it: the same components as the local stack, in one JVM. Each start has a database and a consumer group of
 * its own. It trusts the test JVM's {@link TestIssuer}; clients sign in with {@link #as}, and project memberships
 * are published to the memberships topic as participant-service does ({@link #grant}).
 */
final class RunningReportingService implements AutoCloseable {

    /** A subject the ITs read figures as: STAFF of every project a test grants it. */
    static final String READER = "it-reader";

    final ConfigurableApplicationContext context;
    private UpstreamEvents upstream;
    private final Map<String, Map<String, String>> members = new HashMap<>();

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
        return startOn(mongoUri, groupId, TestIssuer.shared().serviceArguments(), settings);
    }

    /**
     * Trusting the issuer at that URL instead of the test JVM's {@link TestIssuer}: the local issuer, for a browser
     * that signs in for real. {@link #as} does not work then; clients get their tokens from that issuer.
     */
    static RunningReportingService trusting(String issuerUri, String... settings) {
        return startOn(SharedMongo.freshDatabase("reporting-it"), "reporting-it-" + UUID.randomUUID(),
                List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
                        "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE), settings);
    }

    private static RunningReportingService startOn(String mongoUri, String groupId, List<String> issuer, String... settings) {
        String registryUrl = registryUrl();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri,
                "--stegvis.schema-registry.url=" + registryUrl,
                "--stegvis.projection.group-id=" + groupId,
                "--management.server.port=0",
                "--management.health.mongodb.enabled=false"));
        args.addAll(issuer);
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

    /** A client that has not signed in. */
    Http http() {
        return new Http(baseUrl());
    }

    /** A client signed in as the subject, with the global roles given ("integrator", "auditor", "admin"). */
    Http as(String subject, String... roles) {
        return http().withToken(TestIssuer.shared().token(subject, roles));
    }

    /** {@link #READER}, signed in. */
    Http reader() {
        return as(READER);
    }

    /** The management port: metrics and the other actuator endpoints. */
    String managementUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.management.port");
    }

    Http management() {
        return new Http(managementUrl());
    }

    /**
     * Makes the subject STAFF or OWNER of the project, publishing the project's whole membership as participant-service
     * does; the service learns it from the topic shortly after.
     */
    synchronized void grant(String projectId, String subject, String role) {
        Map<String, String> project = members.computeIfAbsent(projectId, id -> new TreeMap<>());
        project.put(subject, role);
        upstream().members(projectId, Map.copyOf(project));
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
        context.close();
    }
}
