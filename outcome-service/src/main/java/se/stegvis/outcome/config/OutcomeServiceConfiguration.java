package se.stegvis.outcome.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import se.stegvis.outbox.OutboxRelay;
import se.stegvis.outbox.OutboxRelaySettings;
import se.stegvis.outcome.outcomes.adapter.out.persistence.MongoOutcomeStore;
import se.stegvis.outcome.outcomes.adapter.out.replica.ReplicaParticipantFacts;
import se.stegvis.outcome.outcomes.application.ListFollowUpsDue;
import se.stegvis.outcome.outcomes.application.OutcomeStore;
import se.stegvis.outcome.outcomes.application.ParticipantFacts;
import se.stegvis.outcome.outcomes.application.ReadOutcomes;
import se.stegvis.outcome.outcomes.application.RecordOutcome;
import se.stegvis.outcome.outcomes.application.RetractOutcome;
import se.stegvis.replica.MongoReplica;
import se.stegvis.replica.ReplicaConsumer;
import se.stegvis.replica.ReplicaSettings;
import se.stegvis.schemas.EventTopic;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.kafka.EventTopicDeclaration;
import se.stegvis.service.web.ProblemResponses;

/** Explicit wiring of outcome-service: the outcome store and its outbox relay, the participant replica, the use cases. */
@Configuration(proxyBeanMethods = false)
@Import(ProblemResponses.class)
public class OutcomeServiceConfiguration {

    static final String OUTCOMES = "outcomes";

    /** A test that needs a fixed "today" registers its own Clock before the context refreshes. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${stegvis.time-zone:Europe/Stockholm}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    MongoDatabase database(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    OutboxRelay outboxRelay(MongoDatabase database, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl) {
        return new OutboxRelay(OutboxRelaySettings.of(bootstrapServers, registryUrl), List.of(database.getCollection(OUTCOMES)), meters);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EventTopicDeclaration eventTopicDeclaration(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.kafka.partitions:3}") int partitions,
            @Value("${stegvis.kafka.replication-factor:1}") short replicationFactor) {
        return new EventTopicDeclaration(bootstrapServers, partitions, replicationFactor, List.of(EventTopic.OUTCOMES));
    }

    @Bean
    EventsPending eventsPending(OutboxRelay relay) {
        return relay::wakeUp;
    }

    @Bean
    MongoReplica replica(MongoDatabase database) {
        return new MongoReplica(database);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    ReplicaConsumer replicaConsumer(MongoReplica replica, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl,
            @Value("${stegvis.replica.group-id:outcome-service.replica}") String groupId) {
        return new ReplicaConsumer(ReplicaSettings.of(bootstrapServers, registryUrl, groupId), replica, meters);
    }

    @Bean
    ParticipantFacts participantFacts(MongoReplica replica) {
        return new ReplicaParticipantFacts(replica);
    }

    @Bean
    OutcomeStore outcomeStore(MongoDatabase database) {
        return new MongoOutcomeStore(database.getCollection(OUTCOMES));
    }

    @Bean
    RecordOutcome recordOutcome(ParticipantFacts facts, OutcomeStore store, EventsPending eventsPending, Clock clock) {
        return new RecordOutcome(facts, store, eventsPending, clock);
    }

    @Bean
    RetractOutcome retractOutcome(OutcomeStore store, EventsPending eventsPending, Clock clock) {
        return new RetractOutcome(store, eventsPending, clock);
    }

    @Bean
    ReadOutcomes readOutcomes(ParticipantFacts facts, OutcomeStore store) {
        return new ReadOutcomes(facts, store);
    }

    @Bean
    ListFollowUpsDue listFollowUpsDue(ParticipantFacts facts, OutcomeStore store, Clock clock) {
        return new ListFollowUpsDue(facts, store, clock);
    }
}
