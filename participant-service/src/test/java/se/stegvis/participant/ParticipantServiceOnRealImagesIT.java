package se.stegvis.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.RealImages;

/**
 * participant-service on the real images of docker-compose.yml: MongoDB, Apache Kafka and Confluent's registry.
 * Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ParticipantServiceOnRealImagesIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final MongoDBContainer MONGO = RealImages.mongo();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @Test
    void an_enrolment_is_stored_in_mongodb_and_published_through_confluents_registry() {
        String registryUrl = RealImages.url(REGISTRY);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ParticipantServiceApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + MONGO.getConnectionString() + "/stegvis-participant",
                "--stegvis.schema-registry.url=" + registryUrl, "--stegvis.crypto.master-key=" + TestMasterKey.BASE64)) {
            Http http = new Http("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            Http.Reply enrolled = http.post("/api/projects/23-073-S03/participants", InventedPeople.enrolment(
                    InventedPeople.identityNumber(LocalDate.of(1993, 8, 8), 808), "Riktig", "Mongo", "NONE", "2025-02-03",
                    "GANG_DEFECTOR"), Map.of());
            assertThat(enrolled.status()).isEqualTo(201);
            String participantId = enrolled.json().get("participantId").asText();
            assertThat(http.get("/api/participants/" + participantId).status()).isEqualTo(200);

            assertThat(readEnrolment(registryUrl, participantId).getProjectId()).isEqualTo("23-073-S03");
        }
    }

    /** The first ParticipantEnrolled published for the participant, read with the project's serde through Confluent's registry. */
    private static ParticipantEnrolled readEnrolment(String registryUrl, String participantId) {
        Predicate<TopicReader.Message> enrolment = m -> participantId.equals(m.key()) && m.event() instanceof ParticipantEnrolled;
        return TopicReader.await(KAFKA.getBootstrapServers(), EventTopic.PARTICIPANTS.topicName(), registryUrl, Duration.ofSeconds(60),
                messages -> messages.stream().anyMatch(enrolment)).stream().filter(enrolment).map(m -> (ParticipantEnrolled) m.event())
                .findFirst().orElseThrow();
    }
}
