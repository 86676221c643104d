package se.stegvis.service.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import se.stegvis.outbox.OutboxRelay;
import se.stegvis.outbox.OutboxRelaySettings;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.kafka.EventTopicDeclaration;
import se.stegvis.service.web.ProblemResponses;

/**
 * The write side every writing service shares, wired once: its MongoDB database, the outbox relay over the
 * service's {@link Outboxes} (registering its schemas with {@code stegvis.schema-registry.user-info}, "user:password",
 * when the registry guards writes), the wake-up its use cases give after a write, the declaration of the topics it
 * writes, and problem+json answers. A service imports this and declares its {@link Outboxes}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemResponses.class)
public class WritingServiceConfiguration {

    @Bean
    MongoDatabase database(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    OutboxRelay outboxRelay(MongoDatabase database, Outboxes outboxes, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl,
            @Value("${stegvis.schema-registry.user-info:}") String registryUserInfo) {
        return new OutboxRelay(OutboxRelaySettings.of(bootstrapServers, registryUrl).withSchemaRegistryUserInfo(registryUserInfo),
                outboxes.collections().stream().map(database::getCollection).toList(), meters);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EventTopicDeclaration eventTopicDeclaration(Outboxes outboxes, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.kafka.partitions:3}") int partitions,
            @Value("${stegvis.kafka.replication-factor:1}") short replicationFactor, ConfigurableApplicationContext context) {
        // A topic found to delete events once Kafka answers, after the start: the service stops rather than run on it.
        return new EventTopicDeclaration(bootstrapServers, partitions, replicationFactor, outboxes.topics(),
                EventTopicDeclaration.Stop.exiting(context));
    }

    /** Tells the relay which document to publish from now, instead of at its next poll. */
    @Bean
    EventsPending eventsPending(OutboxRelay relay) {
        return relay::wakeUp;
    }
}
