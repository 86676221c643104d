package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TopicReader;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.testsupport.RealImages;

/**
 * activity-service on the real images of docker-compose.yml: MongoDB, Apache Kafka and Confluent's registry; the
 * replica fed through Confluent's registry too. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ActivityServiceOnRealImagesIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final MongoDBContainer MONGO = RealImages.mongo();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @Test
    void an_activity_for_a_replicated_participant_is_stored_in_mongodb_and_published_through_confluents_registry() {
        String registryUrl = RealImages.url(REGISTRY);
        KafkaTopics.ensure(KAFKA.getBootstrapServers(), EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName(),
                EventTopic.ACTIVITIES.topicName());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ActivityServiceApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + MONGO.getConnectionString() + "/stegvis-activity",
                "--stegvis.schema-registry.url=" + registryUrl);
                UpstreamEvents upstream = new UpstreamEvents(KAFKA.getBootstrapServers(), registryUrl)) {
            RunningActivityService service = RunningActivityService.of(context);
            Http http = new Http(service.baseUrl());
            upstream.defineProject("99-000-R01", project -> project.setActivityTypes(List.of("INTERNSHIP")));
            UUID participant = upstream.enrol("99-000-R01", LocalDate.of(2025, 2, 3));
            service.awaitParticipant(participant, p -> true);

            Http.Reply recorded = http.post("/api/participants/" + participant + "/activities",
                    "{\"type\": \"INTERNSHIP\", \"date\": \"2025-02-20\", \"hours\": 6}");
            assertThat(recorded.status()).isEqualTo(201);
            assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");

            List<TopicReader.Message> events = TopicReader.await(KAFKA.getBootstrapServers(), EventTopic.ACTIVITIES.topicName(),
                    registryUrl, messages -> !messages.isEmpty());
            assertThat(events).singleElement().satisfies(m -> {
                assertThat(m.key()).isEqualTo(participant.toString());
                assertThat(((ActivityRecorded) m.event()).getActivityId()).hasToString(recorded.json().get("activityId").asText());
            });
        }
    }
}
