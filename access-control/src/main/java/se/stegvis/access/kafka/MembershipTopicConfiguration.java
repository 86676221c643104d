package se.stegvis.access.kafka;

import java.util.regex.Pattern;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

import se.stegvis.consumer.ConsumerProgress;

/**
 * For a service that decides on projects it does not own the memberships of: memberships from the topic, read by
 * the batch function {@value MembershipTopic#NAME} that the service binds by importing {@code stegvis-memberships.yml}
 * (after event-consumer's {@code stegvis-consumer.yml}), and a health indicator {@code memberships} that is down until
 * the topic has been read (add it to the readiness group).
 */
@Configuration(proxyBeanMethods = false)
public class MembershipTopicConfiguration {

    @Bean(MembershipTopic.NAME)
    MembershipTopic membershipTopic(ConsumerProgress progress) {
        return new MembershipTopic(progress);
    }

    @Bean
    HealthIndicator membershipsHealthIndicator(MembershipTopic memberships) {
        return () -> memberships.caughtUp() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "the memberships topic is still being read").build();
    }

    @Bean
    IdleMembershipReader idleMembershipReader(MembershipTopic memberships) {
        return new IdleMembershipReader(memberships);
    }

    /**
     * While no records come, the binding's container says so every {@code idle-event-interval}, on the consumer's own
     * thread: the moment to see that the reader has come to the end of the topic, or that there is no topic yet.
     * The container is known by its subscription, the only one of the service that takes in the memberships topic.
     */
    static final class IdleMembershipReader {

        private final MembershipTopic memberships;

        IdleMembershipReader(MembershipTopic memberships) {
            this.memberships = memberships;
        }

        @EventListener
        void idle(ListenerContainerIdleEvent event) {
            MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
            Pattern subscription = container == null ? null : container.getContainerProperties().getTopicPattern();
            if (subscription != null && event.getConsumer() != null && subscription.matcher(MembershipTopic.TOPIC).matches()) {
                memberships.measure(event.getConsumer());
            }
        }
    }
}
