package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.testsupport.KafkaBrokerProcess;
import se.stegvis.testsupport.SharedMongo;

/**
 * Kafka really goes away (a broker process ended with SIGTERM) and comes back on the same address: commands are
 * accepted meanwhile, their events wait in the outbox, and the same relay delivers them once the broker returns.
 */
class OutboxRelayKafkaDownIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final KafkaBrokerProcess broker = new KafkaBrokerProcess();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoClient mongo;
    private MongoCollection<Document> participants;
    private OutboxRelay relay;

    @BeforeAll
    static void brokerWithTopic() {
        broker.start();
        Fixtures.createTopics(broker.bootstrapServers(), EventTopic.PARTICIPANTS);
    }

    @AfterAll
    static void removeBroker() {
        broker.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = MongoClients.create(SharedMongo.connectionString());
        participants = mongo.getDatabase("outbox-down-" + System.nanoTime()).getCollection("participants");
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
        mongo.close();
    }

    @Test
    void events_of_commands_accepted_while_kafka_is_down_wait_and_go_out_in_order_when_it_returns() {
        relay = startRelay();
        Map<String, List<SpecificRecord>> before = Fixtures.participantsWhoEnrolAndLeave(participants, 1);
        await().atMost(PATIENCE).until(() -> published() == 2);

        broker.stop();
        Map<String, List<SpecificRecord>> whileDown = Fixtures.participantsWhoEnrolAndLeave(participants, 50);
        relay.wakeUp();

        awaitSeveralFailedAttempts();
        assertThat(relay.pendingCount()).isEqualTo(100);
        assertThat(published()).isEqualTo(2);

        broker.start();

        awaitDelivered(whileDown, before);
    }

    @Test
    void a_relay_started_while_kafka_is_unreachable_delivers_once_it_is_there() {
        broker.stop();
        relay = startRelay();
        Map<String, List<SpecificRecord>> whileDown = Fixtures.participantsWhoEnrolAndLeave(participants, 20);

        awaitSeveralFailedAttempts();
        assertThat(relay.pendingCount()).isEqualTo(40);

        broker.start();

        awaitDelivered(whileDown, Map.of());
    }

    private OutboxRelay startRelay() {
        OutboxRelaySettings settings = OutboxRelaySettings.of(broker.bootstrapServers(), "http://unused.invalid")
                .withProducerProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500)
                .withProducerProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000)
                .withProducerProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500)
                .withProducerProperty(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500));
        OutboxRelay started = new OutboxRelay(settings, List.of(participants), meters,
                new ConfluentAvroSerializer(registry));
        started.start();
        return started;
    }

    private void awaitSeveralFailedAttempts() {
        await().atMost(PATIENCE).until(() -> failures() >= 3);
    }

    private void awaitDelivered(Map<String, List<SpecificRecord>> written, Map<String, List<SpecificRecord>> earlier) {
        Map<String, List<SpecificRecord>> expected = new HashMap<>(earlier);
        expected.putAll(written);
        try (Published published = new Published(broker.bootstrapServers(), registry, expected.keySet(),
                EventTopic.PARTICIPANTS)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, List<SpecificRecord>> firstDeliveries = new HashMap<>();
                published.byKey().forEach((key, events) -> firstDeliveries.put(key, Published.withoutRepeats(events)));
                assertThat(firstDeliveries).isEqualTo(expected);
            });
        }
        await().atMost(PATIENCE).until(() -> relay.pendingCount() == 0);
        assertThat(participants.countDocuments()).isEqualTo(expected.size());
    }

    private double published() {
        return meters.get("stegvis.outbox.published").functionCounter().count();
    }

    private double failures() {
        return meters.get("stegvis.outbox.publish.failures").functionCounter().count();
    }

}
