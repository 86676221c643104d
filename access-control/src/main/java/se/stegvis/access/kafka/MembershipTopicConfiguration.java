package se.stegvis.access.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For a service that decides on projects it does not own the memberships of: memberships from the topic, and a
 * health indicator {@code memberships} that is down until the topic has been read (add it to the readiness group).
 */
@Configuration(proxyBeanMethods = false)
public class MembershipTopicConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    MembershipTopic membershipTopic(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${stegvis.schema-registry.url}") String registryUrl) {
        return new MembershipTopic(bootstrapServers, registryUrl);
    }

    @Bean
    HealthIndicator membershipsHealthIndicator(MembershipTopic memberships) {
        return () -> memberships.caughtUp() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "the memberships topic is still being read").build();
    }
}
