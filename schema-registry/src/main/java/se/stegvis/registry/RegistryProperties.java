package se.stegvis.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.stegvis.registry.domain.CompatibilityLevel;

/**
 * {@code stegvis.registry.*}: the topic that holds the registry, its replication factor when created, how long a
 * write or the start-up read may take, and the level that applies while no global level has been set.
 */
@ConfigurationProperties("stegvis.registry")
public record RegistryProperties(
        @DefaultValue("_schemas") String topic,
        @DefaultValue("1") short topicReplicationFactor,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("BACKWARD") CompatibilityLevel defaultCompatibility) {
}
