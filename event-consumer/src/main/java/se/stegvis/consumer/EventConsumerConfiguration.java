package se.stegvis.consumer;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.micrometer.core.instrument.MeterRegistry;

import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.DecodeFailure;

/**
 * The consumer policy of every service that consumes through the Kafka binder (see {@link ConsumerPolicy}), with
 * the settings in {@code stegvis-consumer.yml}, which such a service imports. Connection settings (bootstrap servers,
 * TLS, SASL, client id) come from {@code spring.kafka.*}, which the binder reads as well.
 */
@AutoConfiguration
public class EventConsumerConfiguration {

    @Bean
    ConsumerProgress consumerProgress(ObjectProvider<MeterRegistry> meters) {
        return new ConsumerProgress(meters.getIfAvailable());
    }

    @Bean
    Replays replays(ConsumerProgress progress) {
        return new Replays(progress);
    }

    @Bean
    DeadLetterTopics deadLetterTopics(KafkaProperties kafka) {
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new ByteArraySerializer(), new ByteArraySerializer()));
        return new DeadLetterTopics(template, kafka::buildAdminProperties);
    }

    @Bean
    ConsumerPolicy consumerPolicy(DeadLetterTopics deadLetters, ConsumerProgress progress) {
        return new ConsumerPolicy(deadLetters, progress);
    }

    /**
     * What only configuration that may be absent can say: with {@code stegvis.kafka.instance-id} set, each binding's
     * consumer is a static member of its group under {@code <instance-id>.<binding>} (restarted under the same id, it
     * takes its partitions back at once); with {@code stegvis.schema-registry.user-info} set, the deserializer sends
     * those HTTP Basic credentials under Confluent's names.
     */
    @Bean
    ConsumerConfigCustomizer optionalConsumerSettings(@Value("${stegvis.kafka.instance-id:}") String instanceId,
            @Value("${stegvis.schema-registry.user-info:}") String registryUserInfo) {
        return (config, bindingName, destination) -> {
            if (!instanceId.isBlank()) {
                config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId.strip() + "." + bindingName);
            }
            config.putAll(AvroSerdeConfig.basicAuth(registryUserInfo));
        };
    }

    /** Not ready while a consumer has not caught up since the service started (or its replay began), or waits. */
    @Bean
    HealthIndicator consumers(ConsumerProgress progress) {
        return () -> {
            Map<String, String> notReady = progress.notReady();
            Map<String, Object> details = new HashMap<>(notReady);
            return notReady.isEmpty() ? Health.up().withDetails(details).build() : Health.down().withDetails(details).build();
        };
    }

    @Bean
    IdleConsumers idleConsumers(ConsumerProgress progress, Replays replays) {
        return new IdleConsumers(progress, replays);
    }

    /**
     * While no records come, the container says so every {@code idle-event-interval}, on the consumer's own thread:
     * the moment to see that a consumer has caught up, and to begin a replay requested while nothing happens.
     */
    static final class IdleConsumers {

        private static final Logger log = LoggerFactory.getLogger(IdleConsumers.class);

        private final ConsumerProgress progress;
        private final Replays replays;

        IdleConsumers(ConsumerProgress progress, Replays replays) {
            this.progress = progress;
            this.replays = replays;
        }

        @EventListener
        void idle(ListenerContainerIdleEvent event) {
            MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
            String group = container == null ? null : container.getGroupId();
            if (group == null || event.getConsumer() == null) {
                return;
            }
            try {
                replays.beginIfRequested(group, event.getConsumer());
            } catch (RuntimeException storeAway) {
                // Its store could not be looked at or emptied: the replay is tried again at the next chance.
                log.warn("Consumer group {} could not begin a replay: {}", group, DecodeFailure.classes(storeAway));
            }
            progress.measure(group, event.getConsumer());
        }
    }
}
