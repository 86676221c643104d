package se.stegvis.replica;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import se.stegvis.schemas.serde.AvroSerdeConfig;

/**
 * How the replica's consumer talks to Kafka and the registry, and how it waits.
 *
 * @param consumerProperties Kafka consumer configuration, at least {@code bootstrap.servers}, {@code group.id} and
 *        {@code schema.registry.url}; overrides the defaults except the settings the replica's guarantees depend
 *        on (see {@link #consumerConfig()})
 * @param pollTimeout the longest one poll waits for records; also how soon a rebuild request is noticed
 * @param initialBackoff the first wait after a failed round, doubled after each further failure
 * @param maxBackoff the longest wait between attempts while Kafka, the registry or MongoDB is unreachable
 */
public record ReplicaSettings(Map<String, Object> consumerProperties, Duration pollTimeout, Duration initialBackoff,
                              Duration maxBackoff) {

    /**
     * A blocking call (a commit while the broker is away) gives control back within seconds, not the default minute;
     * a member that stops heartbeating (a crashed service) is given up after 10 s, not Kafka's default 45 s, so a
     * restarted service gets its partitions back that much sooner.
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);

    public ReplicaSettings {
        consumerProperties = Map.copyOf(consumerProperties);
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (!consumerProperties.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            throw new IllegalArgumentException("A replica commits its offsets, so it needs a group.id");
        }
    }

    /** Polls of 500 ms, back-off from 200 ms doubling to 10 s. */
    public static ReplicaSettings of(String bootstrapServers, String schemaRegistryUrl, String groupId) {
        return new ReplicaSettings(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl,
                ConsumerConfig.GROUP_ID_CONFIG, groupId),
                Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    public ReplicaSettings withConsumerProperty(String name, Object value) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(name, value);
        return new ReplicaSettings(properties, pollTimeout, initialBackoff, maxBackoff);
    }

    /**
     * Makes the consumer a static member of its group ({@code group.instance.id}): restarted under the same id, it
     * takes its partitions back at once instead of waiting for the crashed member's session to end. Each running
     * instance needs an id of its own: a second one under the same id fences the first. Blank: a dynamic member.
     */
    public ReplicaSettings withInstanceId(String instanceId) {
        if (instanceId == null || instanceId.isBlank()) {
            return this;
        }
        return withConsumerProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId.strip());
    }

    /**
     * Makes the deserializer send the registry these HTTP Basic credentials ({@code user:password}) under Confluent's
     * names. Reads are open on Stegvis's registry, but Confluent's answers every call without them with 401 unless its
     * paths are skipped; null or blank: none.
     */
    public ReplicaSettings withSchemaRegistryUserInfo(String userInfo) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.putAll(AvroSerdeConfig.basicAuth(userInfo));
        return new ReplicaSettings(properties, pollTimeout, initialBackoff, maxBackoff);
    }

    public ReplicaSettings withBackoff(Duration initial, Duration max) {
        return new ReplicaSettings(consumerProperties, pollTimeout, initial, max);
    }

    /**
     * The defaults, overridden by {@link #consumerProperties}, with three settings always in force: offsets are
     * committed by the replica only after its MongoDB write (no auto commit), a group without offsets starts at the
     * beginning (a replica that started at the end would lack everything before it), and values are read into the
     * generated event classes.
     */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(DEFAULTS);
        config.putAll(consumerProperties);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** Without the registry's password, which a record's own toString would print. */
    @Override
    public String toString() {
        return "ReplicaSettings[consumerProperties=" + AvroSerdeConfig.printable(consumerProperties) + ", pollTimeout="
                + pollTimeout + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "]";
    }

    /** The wait after the given number of failures in a row (1 for the first): doubling, capped at the maximum. */
    Duration backoffAfter(int failures) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
