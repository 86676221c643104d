package se.stegvis.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerConfig;

import se.stegvis.schemas.serde.AvroSerdeConfig;

/**
 * How the relay talks to Kafka and how eagerly it polls.
 *
 * @param producerProperties Kafka producer configuration, at least {@code bootstrap.servers} and (unless a value
 *        serializer instance is given to the relay) {@code schema.registry.url}; overrides the relay's defaults
 *        except the three settings delivery depends on (see {@link #producerConfig()})
 * @param batchSize documents read per collection per round
 * @param idlePollInterval how long the relay waits when nothing is pending, unless {@link OutboxRelay#wakeUp()}
 * @param initialBackoff the first wait after a failed round, doubled after each further failure
 * @param maxBackoff the longest wait between attempts while Kafka (or MongoDB) is unreachable
 */
public record OutboxRelaySettings(Map<String, Object> producerProperties, int batchSize, Duration idlePollInterval,
                                  Duration initialBackoff, Duration maxBackoff) {

    /**
     * Timeouts short enough that a send to an unreachable cluster fails within seconds and the relay keeps control
     * of its loop (the producer's defaults would block a minute on metadata and retry a batch for two).
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            ProducerConfig.CLIENT_ID_CONFIG, "stegvis-outbox-relay",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
            ProducerConfig.LINGER_MS_CONFIG, 5);

    public OutboxRelaySettings {
        producerProperties = Map.copyOf(producerProperties);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        Objects.requireNonNull(idlePollInterval, "idlePollInterval");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Object inFlight = producerProperties.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight != null && Integer.parseInt(inFlight.toString()) > 5) {
            throw new IllegalArgumentException("An idempotent producer keeps order only with at most 5 requests in flight");
        }
    }

    /** Batches of 200, 200 ms idle polling, back-off from 100 ms doubling to 5 s. */
    public static OutboxRelaySettings of(String bootstrapServers, String schemaRegistryUrl) {
        return new OutboxRelaySettings(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl),
                200, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public OutboxRelaySettings withProducerProperty(String name, Object value) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.put(name, value);
        return new OutboxRelaySettings(properties, batchSize, idlePollInterval, initialBackoff, maxBackoff);
    }

    /**
     * Makes the serializer send the registry these HTTP Basic credentials ({@code user:password}), under Confluent's
     * names ({@code basic.auth.credentials.source=USER_INFO}, {@code basic.auth.user.info}); null or blank: none, for
     * a registry whose writes are open.
     */
    public OutboxRelaySettings withSchemaRegistryUserInfo(String userInfo) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.putAll(AvroSerdeConfig.basicAuth(userInfo));
        return new OutboxRelaySettings(properties, batchSize, idlePollInterval, initialBackoff, maxBackoff);
    }

    public OutboxRelaySettings withBatchSize(int size) {
        return new OutboxRelaySettings(producerProperties, size, idlePollInterval, initialBackoff, maxBackoff);
    }

    public OutboxRelaySettings withIdlePollInterval(Duration interval) {
        return new OutboxRelaySettings(producerProperties, batchSize, interval, initialBackoff, maxBackoff);
    }

    public OutboxRelaySettings withBackoff(Duration initial, Duration max) {
        return new OutboxRelaySettings(producerProperties, batchSize, idlePollInterval, initial, max);
    }

    /** Without the registry's password, which a record's own toString would print. */
    @Override
    public String toString() {
        return "OutboxRelaySettings[producerProperties=" + AvroSerdeConfig.printable(producerProperties) + ", batchSize="
                + batchSize + ", idlePollInterval=" + idlePollInterval + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + "]";
    }

    /**
     * The relay's defaults, overridden by {@link #producerProperties}, with idempotence and {@code acks=all} always
     * on: without them a retried batch could be written twice out of order, or acknowledged before it is durable.
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(DEFAULTS);
        config.putAll(producerProperties);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
