package se.stegvis.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.testsupport.RealImages;

/**
 * outcome-service on the real images of docker-compose.yml: MongoDB, Apache Kafka and Confluent's registry; its
 * replica fed through Confluent's registry too. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class OutcomeServiceOnRealImagesIT {

    private static final Network NETWORK = Network.newNetwork();
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Container
    static final MongoDBContainer MONGO = RealImages.mongo();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @Test
    void an_outcome_for_a_replicated_participant_is_stored_in_mongodb_and_published_through_confluents_registry() {
        String registryUrl = RealImages.url(REGISTRY);
        KafkaTopics.ensure(KAFKA.getBootstrapServers(), EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName(),
                EventTopic.OUTCOMES.topicName());
        Clock today = Clock.fixed(LocalDate.of(2025, 9, 15).atTime(10, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
        try (ParticipantServiceStandIn upstream = new ParticipantServiceStandIn(KAFKA.getBootstrapServers(), registryUrl);
                ConfigurableApplicationContext service = new SpringApplicationBuilder(OutcomeServiceApplication.class)
                        .initializers(context -> context.getBeanFactory().registerSingleton("clock", today)).run(
                        "--server.port=0", "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                        "--spring.mongodb.uri=" + MONGO.getConnectionString() + "/stegvis-outcome",
                        "--stegvis.schema-registry.url=" + registryUrl)) {
            Http http = new Http("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            String project = upstream.project(FollowUpPoint.UPON_LEAVING, FollowUpPoint.DAYS_90);
            UUID participant = upstream.left(project, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 7, 20));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> http.post("/api/participants/" + participant + "/outcomes",
                    "{\"type\": \"EMPLOYED\", \"date\": \"2025-09-01\"}", Map.of()).status() == 201);

            assertThat(readOutcome(registryUrl, participant.toString()).getFollowUp()).isEqualTo(FollowUpPoint.DAYS_90);
        }
    }

    /** The first OutcomeRecorded published for the participant, read with the project's serde through Confluent's registry. */
    private static OutcomeRecorded readOutcome(String registryUrl, String participantId) {
        Predicate<TopicReader.Message> outcome = m -> participantId.equals(m.key()) && m.event() instanceof OutcomeRecorded;
        return TopicReader.await(KAFKA.getBootstrapServers(), EventTopic.OUTCOMES.topicName(), registryUrl, Duration.ofSeconds(60),
                messages -> messages.stream().anyMatch(outcome)).stream().filter(outcome).map(m -> (OutcomeRecorded) m.event())
                .findFirst().orElseThrow();
    }
}
