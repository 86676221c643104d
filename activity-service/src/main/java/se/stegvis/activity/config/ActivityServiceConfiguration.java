package se.stegvis.activity.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import se.stegvis.activity.activities.adapter.out.persistence.MongoActivities;
import se.stegvis.activity.activities.adapter.out.replica.ReplicaParticipations;
import se.stegvis.activity.activities.application.Activities;
import se.stegvis.activity.activities.application.Participations;
import se.stegvis.activity.activities.application.ReadActivities;
import se.stegvis.activity.activities.application.RecordActivity;
import se.stegvis.activity.activities.application.RetractActivity;
import se.stegvis.outbox.OutboxRelay;
import se.stegvis.outbox.OutboxRelaySettings;
import se.stegvis.replica.MongoReplica;
import se.stegvis.replica.ReplicaConsumer;
import se.stegvis.replica.ReplicaSettings;
import se.stegvis.schemas.EventTopic;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.kafka.EventTopicDeclaration;
import se.stegvis.service.web.ProblemResponses;

/** Explicit wiring of activity-service: the activity store, its outbox relay, the participant replica, the use cases. */
@Configuration(proxyBeanMethods = false)
@Import(ProblemResponses.class)
public class ActivityServiceConfiguration {

    static final String REPLICA_GROUP = "activity-service.replica";

    /** "Today" for an activity's date is the day where the projects run, not in UTC. */
    @Bean
    Clock clock(@Value("${stegvis.time-zone:Europe/Stockholm}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    MongoDatabase database(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    MongoReplica replica(MongoDatabase database) {
        return new MongoReplica(database);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    ReplicaConsumer replicaConsumer(MongoReplica replica, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl) {
        return new ReplicaConsumer(ReplicaSettings.of(bootstrapServers, registryUrl, REPLICA_GROUP), replica, meters);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    OutboxRelay outboxRelay(MongoDatabase database, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl) {
        return new OutboxRelay(OutboxRelaySettings.of(bootstrapServers, registryUrl),
                List.of(database.getCollection("activities")), meters);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EventTopicDeclaration eventTopicDeclaration(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.kafka.partitions:3}") int partitions,
            @Value("${stegvis.kafka.replication-factor:1}") short replicationFactor) {
        return new EventTopicDeclaration(bootstrapServers, partitions, replicationFactor, List.of(EventTopic.ACTIVITIES));
    }

    @Bean
    EventsPending eventsPending(OutboxRelay relay) {
        return relay::wakeUp;
    }

    @Bean
    Activities activities(MongoDatabase database) {
        return new MongoActivities(database.getCollection("activities"));
    }

    @Bean
    Participations participations(MongoReplica replica) {
        return new ReplicaParticipations(replica);
    }

    @Bean
    RecordActivity recordActivity(Activities activities, Participations participations, EventsPending eventsPending, Clock clock) {
        return new RecordActivity(activities, participations, eventsPending, clock);
    }

    @Bean
    RetractActivity retractActivity(Activities activities, EventsPending eventsPending, Clock clock) {
        return new RetractActivity(activities, eventsPending, clock);
    }

    @Bean
    ReadActivities readActivities(Activities activities, Participations participations) {
        return new ReadActivities(activities, participations);
    }
}
