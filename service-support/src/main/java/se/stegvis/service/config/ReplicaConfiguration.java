package se.stegvis.service.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.Replays;
import se.stegvis.replica.MongoReplica;
import se.stegvis.replica.ReplicaFunction;

/**
 * The participant replica a service that records for participants keeps in its own database, fed from the projects
 * and participants topics through the Kafka binder by its own consumer group ({@code stegvis.replica.group-id}, by
 * default the application's name + {@code .replica}). The service imports {@code stegvis-consumer.yml} and
 * {@code stegvis-replica.yml}, which bind the function. Needs the {@code participant-replica} module on the class path.
 */
@Configuration(proxyBeanMethods = false)
public class ReplicaConfiguration {

    @Bean
    MongoReplica replica(MongoDatabase database) {
        return new MongoReplica(database);
    }

    @Bean(ReplicaFunction.NAME)
    ReplicaFunction participantReplica(MongoReplica replica, ConsumerProgress progress, Replays replays,
            @Value("${stegvis.replica.group-id:${spring.application.name}.replica}") String group) {
        return new ReplicaFunction(replica, progress, replays, group);
    }
}
