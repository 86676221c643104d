package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import se.stegvis.schemas.serde.AvroSerdeConfig;

/**
 * How the projection talks to Kafka and the registry and how it waits.
 *
 * @param bootstrapServers the Kafka cluster of the four topics and the dead-letter topic
 * @param schemaRegistryUrl where the writer schemas are
 * @param groupId the consumer group whose committed offsets say how far the read model is
 * @param pollTimeout the longest one poll waits; also how soon a rebuild request is noticed
 * @param initialBackoff the first wait after a failed round, doubled after each further one up to maxBackoff
 * @param deadLetterPartitions partitions of the dead-letter topic when the projection creates it
 * @param instanceId this instance's static membership of the group ({@code group.instance.id}), or null for a dynamic
 *        member; see {@link #consumerConfig()}
 * @param schemaRegistryUserInfo the registry's HTTP Basic credentials ({@code user:password}) the deserializer sends,
 *        or null for none; never printed
 */
public record ProjectionSettings(String bootstrapServers, String schemaRegistryUrl, String groupId, Duration pollTimeout,
                                 Duration initialBackoff, Duration maxBackoff, int deadLetterPartitions,
                                 short replicationFactor, String instanceId, String schemaRegistryUserInfo) {

    /** How long the group waits for a member that stopped heartbeating (a crashed service) before its partitions move. */
    static final int SESSION_TIMEOUT_MS = 10_000;
    static final int HEARTBEAT_INTERVAL_MS = 3_000;

    public ProjectionSettings {
        instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
        schemaRegistryUserInfo = schemaRegistryUserInfo == null || schemaRegistryUserInfo.isBlank() ? null
                : schemaRegistryUserInfo.strip();
    }

    public static ProjectionSettings of(String bootstrapServers, String schemaRegistryUrl, String groupId) {
        return new ProjectionSettings(bootstrapServers, schemaRegistryUrl, groupId, Duration.ofMillis(200),
                Duration.ofMillis(200), Duration.ofSeconds(10), 3, (short) 1, null, null);
    }

    public ProjectionSettings withInstanceId(String instanceId) {
        return new ProjectionSettings(bootstrapServers, schemaRegistryUrl, groupId, pollTimeout, initialBackoff, maxBackoff,
                deadLetterPartitions, replicationFactor, instanceId, schemaRegistryUserInfo);
    }

    public ProjectionSettings withSchemaRegistryUserInfo(String userInfo) {
        return new ProjectionSettings(bootstrapServers, schemaRegistryUrl, groupId, pollTimeout, initialBackoff, maxBackoff,
                deadLetterPartitions, replicationFactor, instanceId, userInfo);
    }

    /** Without the registry's password, which a record's own toString would print. */
    @Override
    public String toString() {
        return "ProjectionSettings[bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl=" + schemaRegistryUrl
                + ", groupId=" + groupId + ", pollTimeout=" + pollTimeout + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", deadLetterPartitions=" + deadLetterPartitions + ", replicationFactor="
                + replicationFactor + ", instanceId=" + instanceId + ", schemaRegistryUserInfo="
                + (schemaRegistryUserInfo == null ? null : "[hidden]") + "]";
    }

    /**
     * Offsets committed by the projection only after its write (no auto commit); a group without offsets starts at
     * the beginning (a read model that started at the end would lack everything before it). A member that stops
     * heartbeating is given up after 10 s, not Kafka's default 45 s: a restarted service gets its partitions that much
     * sooner. With an instance id the member is static: one restarted under the same id takes its partitions back at
     * once, without waiting for the old session to end (one instance per read model, decision 0005).
     */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        if (instanceId != null) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        config.putAll(AvroSerdeConfig.basicAuth(schemaRegistryUserInfo));
        return config;
    }

    Duration backoffAfter(int failures) {
        long millis = initialBackoff.toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
