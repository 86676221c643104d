package se.stegvis.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionStart;
import se.stegvis.reporting.indicators.application.ParticipantStore;

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
    /** The projection's consumer group. */
    final String group;
    private UpstreamEvents upstream;
    private final Map<String, Map<String, String>> members = new HashMap<>();

    private RunningReportingService(ConfigurableApplicationContext context, String group) {
        this.context = context;
        this.group = group;
    }

    /** The project's registry, once per test JVM. */
    static String registryUrl() {
        return SharedRegistry.url();
    }

    static RunningReportingService start(String... settings) {
        return startOn(SharedMongo.freshDatabase("reporting-it"), "reporting-it-" + UUID.randomUUID(), settings);
    }

    /**
     * As {@link #start}, with the participant store the service would use handed through {@code wrap} first, e.g. to
     * one that can be cut off as MongoDB away would be: the projection and the figures then use what it returns.
     */
    static RunningReportingService startWrapping(UnaryOperator<ParticipantStore> wrap, String... settings) {
        return startWrappingOn(SharedMongo.freshDatabase("reporting-it"), "reporting-it-" + UUID.randomUUID(), wrap, settings);
    }

    /** As {@link #startWrapping}, on the given database and consumer group. */
    static RunningReportingService startWrappingOn(String mongoUri, String groupId, UnaryOperator<ParticipantStore> wrap,
            String... settings) {
        ApplicationContextInitializer<ConfigurableApplicationContext> wrapping = context -> context.getBeanFactory()
                .addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof ParticipantStore store ? wrap.apply(store) : bean;
                    }
                });
        return startOn(mongoUri, groupId, TestIssuer.shared().serviceArguments(), List.of(wrapping), settings);
    }

    /**
     * On the given database and consumer group, with what a refused start would do (the process's exit by default)
     * replaced by noting the message in {@code refusals}.
     */
    static RunningReportingService startNotingRefusals(String mongoUri, String groupId, List<String> refusals, String... settings) {
        ApplicationContextInitializer<ConfigurableApplicationContext> noting = context -> context.getBeanFactory()
                .registerSingleton("projectionRefusal", (ProjectionStart.Refusal) refusals::add);
        return startOn(mongoUri, groupId, TestIssuer.shared().serviceArguments(), List.of(noting), settings);
    }

    /** On the given database and consumer group: to start again where an earlier start left off. */
    static RunningReportingService startOn(String mongoUri, String groupId, String... settings) {
        return startOn(mongoUri, groupId, TestIssuer.shared().serviceArguments(), List.of(), settings);
    }

    /**
     * Trusting the issuer at that URL instead of the test JVM's {@link TestIssuer}: the local issuer, for a browser
     * that signs in for real. {@link #as} does not work then; clients get their tokens from that issuer.
     */
    static RunningReportingService trusting(String issuerUri, String... settings) {
        return startOn(SharedMongo.freshDatabase("reporting-it"), "reporting-it-" + UUID.randomUUID(),
                List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
                        "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE), List.of(), settings);
    }

    private static RunningReportingService startOn(String mongoUri, String groupId, List<String> issuer,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers, String... settings) {
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
        return new RunningReportingService(new SpringApplicationBuilder(ReportingServiceApplication.class)
                .initializers(initializers.toArray(ApplicationContextInitializer[]::new)).run(args.toArray(String[]::new)), groupId);
    }

    /** The database the service's read model is in. */
    String mongoUri() {
        return context.getEnvironment().getProperty("spring.mongodb.uri");
    }

    /** The projection's consumer group. */
    String group() {
        return group;
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A fresh project id, its figures readable by {@link #READER} (its STAFF). */
    String newProject() {
        String project = "99-" + (100 + (int) (Math.random() * 800)) + "-IT" + UUID.randomUUID().toString().substring(0, 4);
        grant(project, READER, "STAFF");
        return project;
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

    /** The metric's first measurement from the actuator, NaN while it has none. */
    double metric(String name) {
        Http.Reply reply = management().get("/actuator/metrics/" + name);
        return reply.status() == 200 ? reply.json().get("measurements").get(0).get("value").asDouble() : Double.NaN;
    }

    /** The projection's meter of that name ({@code stegvis.consumer.*}, tagged with its group), NaN while it has none. */
    double projectionMetric(String name) {
        return metric(name + "?tag=group:" + group);
    }

    /** The dead-letter topic the projection's binding names. */
    String deadLetterTopic() {
        return context.getEnvironment().getProperty("spring.cloud.stream.kafka.bindings.indicatorProjection-in-0.consumer.dlq-name");
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
