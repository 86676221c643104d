package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.stegvis.testsupport.KafkaBrokerProcess;

/**
 * Kafka is not there when the service starts (a broker process started later on the address the replica was
 * given), and goes away again (SIGTERM) before the service stops. One test, since each broker process costs seconds.
 */
class ReplicaKafkaDownIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaBrokerProcess broker = new KafkaBrokerProcess();
    private final EmptyReplica store = new EmptyReplica("replica-down");
    private final MongoReplica replica = store.replica();
    private RunningReplica running;

    @AfterEach
    void stopEverything() {
        if (running != null) {
            running.close();
        }
        broker.close();
        store.close();
    }

    @Test
    void a_replica_started_while_kafka_is_down_starts_at_once_fills_when_kafka_arrives_and_stops_promptly_when_it_is_gone() {
        RunningReplica[] started = new RunningReplica[1];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            started[0] = RunningReplica.start(broker.bootstrapServers(), "replica-down", replica, TopicWriter.REGISTRY);
        });
        running = started[0];
        assertThat(running.caughtUp()).isFalse();
        assertThat(running.progress().ready()).as("not ready without Kafka").isFalse();

        broker.start();
        String projectId = Events.newProjectId();
        UUID participantId = UUID.randomUUID();
        try (TopicWriter topics = new TopicWriter(broker.bootstrapServers())) {
            topics.publish(Events.projectDefined(projectId, 0, "INTERNSHIP"),
                    Events.enrolled(projectId, participantId, LocalDate.of(2025, 2, 3), 1));
        }
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent() && replica.project(projectId).isPresent());
        await().atMost(PATIENCE).until(running::caughtUp);

        broker.stop();

        assertTimeoutPreemptively(Duration.ofSeconds(15), running::close);
        running = null;
    }
}
