package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.testsupport.KafkaBrokerProcess;

/**
 * Kafka is not there when the service starts (a broker process started later on the address the replica was
 * given), and goes away again (SIGTERM) before the service stops. One test, since each broker process costs seconds.
 */
class ReplicaConsumerKafkaDownIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaBrokerProcess broker = new KafkaBrokerProcess();
    private final EmptyReplica store = new EmptyReplica("replica-down");
    private final MongoReplica replica = store.replica();
    private ReplicaConsumer consumer;

    @AfterEach
    void stopEverything() {
        if (consumer != null) {
            consumer.stop();
        }
        broker.close();
        store.close();
    }

    @Test
    void a_replica_started_while_kafka_is_down_starts_at_once_fills_when_kafka_arrives_and_stops_promptly_when_it_is_gone() {
        ReplicaSettings settings = ReplicaSettings.of(broker.bootstrapServers(), "http://unused.invalid", "replica-down")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        consumer = new ReplicaConsumer(settings, replica, new SimpleMeterRegistry(),
                new ConfluentAvroDeserializer(TopicWriter.REGISTRY, true));

        assertTimeoutPreemptively(Duration.ofSeconds(2), consumer::start);
        assertThat(consumer.caughtUp()).isFalse();

        broker.start();
        String projectId = Events.newProjectId();
        UUID participantId = UUID.randomUUID();
        try (TopicWriter topics = new TopicWriter(broker.bootstrapServers())) {
            topics.publish(Events.projectDefined(projectId, 0, "INTERNSHIP"),
                    Events.enrolled(projectId, participantId, LocalDate.of(2025, 2, 3), 1));
        }
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent() && replica.project(projectId).isPresent());
        await().atMost(PATIENCE).until(consumer::caughtUp);

        broker.stop();

        assertTimeoutPreemptively(Duration.ofSeconds(15), consumer::stop);
        assertThat(consumer.caughtUp()).isFalse();
    }
}
