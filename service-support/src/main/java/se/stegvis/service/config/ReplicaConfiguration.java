package se.stegvis.service.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import se.stegvis.replica.MongoReplica;
import se.stegvis.replica.ReplicaConsumer;
import se.stegvis.replica.ReplicaSettings;

/**
 * The participant replica a service that records for participants keeps in its own database, fed from the projects
 * and participants topics by its own consumer group ({@code stegvis.replica.group-id}, by default the application's
 * name + {@code .replica}); with {@code stegvis.kafka.instance-id} set, a static member of it. Needs the {@code participant-replica} module on the class path.
 */
@Configuration(proxyBeanMethods = false)
public class ReplicaConfiguration {

    @Bean
    MongoReplica replica(MongoDatabase database) {
        return new MongoReplica(database);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    ReplicaConsumer replicaConsumer(MongoReplica replica, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl,
            @Value("${stegvis.replica.group-id:${spring.application.name}.replica}") String groupId,
            @Value("${stegvis.kafka.instance-id:}") String instanceId,
            @Value("${stegvis.schema-registry.user-info:}") String registryUserInfo) {
        return new ReplicaConsumer(ReplicaSettings.of(bootstrapServers, registryUrl, groupId).withInstanceId(instanceId)
                        .withSchemaRegistryUserInfo(registryUserInfo),
                replica, meters);
    }
}
