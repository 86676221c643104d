package se.stegvis.reporting.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import se.stegvis.access.kafka.MembershipTopicConfiguration;
import se.stegvis.access.web.AccessConfiguration;
import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.Replays;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionFunction;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionStart;
import se.stegvis.reporting.indicators.adapter.in.web.IndicatorStream;
import se.stegvis.reporting.indicators.adapter.out.catalogue.JsonIndicatorCatalogue;
import se.stegvis.reporting.indicators.adapter.out.consumer.ConsumerProgressLag;
import se.stegvis.reporting.indicators.adapter.out.document.ReportFiles;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoParticipantStore;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoProjectStore;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoReadModelLease;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoSubmittedReports;
import se.stegvis.reporting.indicators.application.EsfReports;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.IndicatorTally;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.application.ProjectStore;
import se.stegvis.reporting.indicators.application.ReadModelLease;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.RebuildReadModel;
import se.stegvis.reporting.indicators.application.SubmittedReports;
import se.stegvis.reporting.indicators.application.ViewCurrency;
import se.stegvis.reporting.indicators.application.WorkingState;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.service.kafka.EventTopicDeclaration;
import se.stegvis.service.web.ProblemResponses;

/**
 * Explicit wiring of reporting-service: the read model (its working state in memory, its checkpoint in MongoDB), the
 * indicator catalogue, the projection and the batch function that feeds it through the Kafka binder
 * ({@code stegvis-projection.yml}), and the live stream that listens to the projection. Callers sign in through the configured issuer (AccessConfiguration) and their project memberships come
 * from the memberships topic; the use cases decide who sees what.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemResponses.class, AccessConfiguration.class, MembershipTopicConfiguration.class})
public class ReportingServiceConfiguration {

    @Bean
    MongoDatabase database(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    ParticipantStore participantStore(MongoDatabase database) {
        return new MongoParticipantStore(database);
    }

    @Bean
    ProjectStore projectStore(MongoDatabase database) {
        return new MongoProjectStore(database.getCollection(MongoProjectStore.COLLECTION));
    }

    /** The catalogue file: {@code indicators.json} in the service's resources unless stegvis.indicators.catalogue names another. */
    @Bean
    IndicatorEngine indicatorEngine(@Value("${stegvis.indicators.catalogue:" + JsonIndicatorCatalogue.DEFAULT + "}") String resource) {
        return new IndicatorEngine(JsonIndicatorCatalogue.fromClassPath(resource));
    }

    /** Every participant and project in memory, from the store's checkpoint on (decision 0009). */
    @Bean
    WorkingState workingState(ParticipantStore participants, ProjectStore projects) {
        return new WorkingState(participants, projects);
    }

    /**
     * Whose date is today for the views: the project owners' (Europe/Stockholm). A test that needs a fixed "today"
     * registers its own Clock before the context refreshes.
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${stegvis.time-zone:Europe/Stockholm}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    IndicatorTally indicatorTally(WorkingState state, IndicatorEngine engine, Clock clock) {
        return new IndicatorTally(state, engine, clock);
    }

    @Bean
    IndicatorProjection projection(WorkingState state, ParticipantStore participants, ProjectStore projects, IndicatorTally tally) {
        return new IndicatorProjection(state, participants, projects, tally);
    }

    @Bean
    ReadIndicators readIndicators(IndicatorTally tally, IndicatorEngine engine) {
        return new ReadIndicators(tally, engine.catalogue());
    }

    /**
     * The projection's batch function, in the consumer group the binding names ({@code stegvis.projection.group-id},
     * by default {@code reporting-service.projection}).
     */
    @Bean(name = ProjectionFunction.NAME, destroyMethod = "close")
    ProjectionFunction indicatorProjection(IndicatorProjection projection, ConsumerProgress progress, Replays replays,
            @Value("${spring.cloud.stream.bindings." + ProjectionFunction.BINDING + ".group}") String group,
            @Value("${stegvis.projection.checkpoint-interval:PT1S}") Duration checkpointInterval) {
        return new ProjectionFunction(projection, progress, replays, group, checkpointInterval);
    }

    /** The read model's lease, in its own database: one instance feeds one read model. */
    @Bean
    ReadModelLease readModelLease(MongoDatabase database, @Value("${stegvis.kafka.instance-id:}") String instanceId,
            ProjectionStart.Timing timing) {
        return new MongoReadModelLease(database.getCollection(MongoReadModelLease.COLLECTION), database.getName(), instanceId,
                UUID.randomUUID().toString(), timing.leaseStaleAfter(), Clock.systemUTC(), wait -> Thread.sleep(wait.toMillis()));
    }

    /** How long another member is given to leave the group, and how often the read model's lease is renewed. */
    @Bean
    ProjectionStart.Timing projectionStartTiming(@Value("${stegvis.projection.sole-instance.patience:PT12S}") Duration patience,
            @Value("${stegvis.projection.sole-instance.renew-every:PT4S}") Duration renewEvery) {
        return new ProjectionStart.Timing(patience, renewEvery);
    }

    /**
     * Starts the projection's binding once this instance is alone in its consumer group and holds the read model; a
     * second instance is refused (by default: exit code 78, with a message saying what to change).
     */
    @Bean(destroyMethod = "close")
    ProjectionStart projectionStart(KafkaProperties kafka, ReadModelLease lease, ObjectProvider<BindingsLifecycleController> bindings,
            ObjectProvider<ProjectionStart.Refusal> refusal, ConfigurableApplicationContext context,
            @Value("${spring.cloud.stream.bindings." + ProjectionFunction.BINDING + ".group}") String group,
            @Value("${stegvis.kafka.instance-id:}") String instanceId, ProjectionStart.Timing timing) {
        return new ProjectionStart(group, instanceId.isBlank() ? "" : instanceId.strip() + "." + ProjectionFunction.BINDING,
                () -> Admin.create(kafka.buildAdminProperties()), lease,
                () -> bindings.getObject().changeState(ProjectionFunction.BINDING, BindingsLifecycleController.State.STARTED),
                refusal.getIfAvailable(() -> message -> EventTopicDeclaration.Stop.exiting(context)
                        .stop(EventTopicDeclaration.CONFIGURATION_ERROR, message)),
                timing);
    }

    /**
     * Writes no topic, but counts from all of them: refuses to run against an event topic that deletes events, as the
     * writing services do, since a rebuild would then silently count less.
     */
    @Bean(initMethod = "start", destroyMethod = "stop")
    EventTopicDeclaration eventTopicCheck(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            ConfigurableApplicationContext context) {
        return new EventTopicDeclaration(bootstrapServers, 1, (short) 1, List.of(), EventTopicDeclaration.Stop.exiting(context));
    }

    @Bean
    RebuildReadModel rebuildReadModel(ProjectionFunction projection) {
        return new RebuildReadModel(projection);
    }

    /**
     * How current the views are, from the projection's rebuild and its consumer group's progress; behind beyond
     * {@code stegvis.indicators.behind-threshold} records not yet applied.
     */
    @Bean
    ViewCurrency viewCurrency(ProjectionFunction projection, ConsumerProgress progress,
            @Value("${spring.cloud.stream.bindings." + ProjectionFunction.BINDING + ".group}") String group,
            @Value("${stegvis.indicators.behind-threshold:1000}") long behindThreshold) {
        return new ViewCurrency(projection, new ConsumerProgressLag(progress, group), behindThreshold);
    }

    /** Submitted ESF+ reports, in a collection of their own beside the read model's, which no rebuild empties. */
    @Bean
    SubmittedReports submittedReports(MongoDatabase database) {
        return new MongoSubmittedReports(database.getCollection(MongoSubmittedReports.COLLECTION));
    }

    /** The twice-yearly ESF+ report, read through the same use case as the indicator views; CSV and XLSX by ReportFiles. */
    @Bean
    EsfReports esfReports(ReadIndicators indicators, IndicatorTally tally, IndicatorEngine engine, ViewCurrency currency,
            SubmittedReports submitted, Clock clock) {
        return new EsfReports(indicators, tally, engine.catalogue(), currency, submitted, new ReportFiles(), clock);
    }

    /**
     * Heartbeats keep proxies from closing an idle stream; the currency check sends the view again when only how
     * current it is changed; the timeout makes a browser reconnect now and then; the limits bound the open streams
     * per identity and in all, and drop a client that stops reading.
     */
    @Bean(destroyMethod = "close")
    IndicatorStream indicatorStream(IndicatorProjection projection, ReadIndicators indicators, ViewCurrency currency,
            JsonMapper json, MeterRegistry meters,
            @Value("${stegvis.stream.heartbeat:PT15S}") Duration heartbeat,
            @Value("${stegvis.stream.currency-check:PT1S}") Duration currencyCheck,
            @Value("${stegvis.stream.timeout:PT30M}") Duration timeout,
            @Value("${stegvis.stream.max-per-identity:4}") int maxPerIdentity,
            @Value("${stegvis.stream.max-clients:200}") int maxClients,
            @Value("${stegvis.stream.send-timeout:PT10S}") Duration sendTimeout) {
        IndicatorStream stream = new IndicatorStream(indicators, currency, json, heartbeat, currencyCheck, timeout,
                new IndicatorStream.Limits(maxPerIdentity, maxClients, sendTimeout));
        projection.subscribe(stream);
        Gauge.builder("stegvis.reporting.stream.clients", stream, IndicatorStream::clients)
                .description("open indicator streams").register(meters);
        return stream;
    }
}
