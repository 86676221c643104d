package se.stegvis.reporting.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
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
import se.stegvis.reporting.indicators.adapter.in.messaging.DeadLetters;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionConsumer;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionSettings;
import se.stegvis.reporting.indicators.adapter.in.web.IndicatorStream;
import se.stegvis.reporting.indicators.adapter.out.catalogue.JsonIndicatorCatalogue;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoParticipantStore;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoProjectStore;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.IndicatorTally;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.application.ProjectStore;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.RebuildReadModel;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.service.web.ProblemResponses;

/**
 * Explicit wiring of reporting-service: the read model, the indicator catalogue, the projection and its consumer, and
 * the live stream that listens to the projection. Callers sign in through the configured issuer (AccessConfiguration)
 * and their project memberships come from the memberships topic; the use cases decide who sees what.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemResponses.class, AccessConfiguration.class, MembershipTopicConfiguration.class})
public class ReportingServiceConfiguration {

    static final String PROJECTION_GROUP = "reporting-service.projection";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase database(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    ParticipantStore participantStore(MongoDatabase database) {
        return new MongoParticipantStore(database.getCollection(MongoParticipantStore.COLLECTION));
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

    @Bean
    IndicatorTally indicatorTally(ParticipantStore participants, ProjectStore projects, IndicatorEngine engine) {
        return new IndicatorTally(participants, projects, engine);
    }

    @Bean
    IndicatorProjection indicatorProjection(ParticipantStore participants, ProjectStore projects, IndicatorTally tally) {
        return new IndicatorProjection(participants, projects, tally);
    }

    @Bean
    ReadIndicators readIndicators(IndicatorTally tally, IndicatorEngine engine) {
        return new ReadIndicators(tally, engine.catalogue());
    }

    @Bean
    RebuildReadModel rebuildReadModel(ProjectionConsumer consumer) {
        return new RebuildReadModel(consumer);
    }

    /**
     * Heartbeats keep proxies from closing an idle stream; the timeout makes a browser reconnect now and then; the
     * limits bound the open streams per identity and in all, and drop a client that stops reading.
     */
    @Bean(destroyMethod = "close")
    IndicatorStream indicatorStream(IndicatorProjection projection, ReadIndicators indicators, JsonMapper json, MeterRegistry meters,
            @Value("${stegvis.stream.heartbeat:PT15S}") Duration heartbeat,
            @Value("${stegvis.stream.timeout:PT30M}") Duration timeout,
            @Value("${stegvis.stream.max-per-identity:4}") int maxPerIdentity,
            @Value("${stegvis.stream.max-clients:200}") int maxClients,
            @Value("${stegvis.stream.send-timeout:PT10S}") Duration sendTimeout) {
        IndicatorStream stream = new IndicatorStream(indicators, json, heartbeat, timeout,
                new IndicatorStream.Limits(maxPerIdentity, maxClients, sendTimeout));
        projection.subscribe(stream);
        Gauge.builder("stegvis.reporting.stream.clients", stream, IndicatorStream::clients)
                .description("open indicator streams").register(meters);
        return stream;
    }

    @Bean
    ProjectionSettings projectionSettings(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl,
            @Value("${stegvis.projection.group-id:" + PROJECTION_GROUP + "}") String groupId,
            @Value("${stegvis.kafka.partitions:3}") int partitions,
            @Value("${stegvis.kafka.replication-factor:1}") short replicationFactor,
            @Value("${stegvis.kafka.instance-id:}") String instanceId,
            @Value("${stegvis.schema-registry.user-info:}") String registryUserInfo) {
        ProjectionSettings defaults = ProjectionSettings.of(bootstrapServers, registryUrl, groupId);
        return new ProjectionSettings(bootstrapServers, registryUrl, groupId, defaults.pollTimeout(), defaults.initialBackoff(),
                defaults.maxBackoff(), partitions, replicationFactor, instanceId, registryUserInfo);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    ProjectionConsumer projectionConsumer(ProjectionSettings settings, IndicatorProjection projection, MeterRegistry meters,
            Clock clock) {
        return new ProjectionConsumer(settings, projection, new DeadLetters(settings), meters, clock);
    }
}
