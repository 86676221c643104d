package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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

import se.stegvis.events.Gender;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.RealImages;

/**
 * reporting-service on the real images of docker-compose.yml: MongoDB, Apache Kafka and Confluent's registry.
 * Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReportingServiceOnRealImagesIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final MongoDBContainer MONGO = RealImages.mongo();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @Test
    void events_through_confluents_registry_end_up_in_indicators_kept_in_mongodb() throws Exception {
        String registryUrl = RealImages.url(REGISTRY);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(Arrays.stream(EventTopic.values())
                    .map(t -> new NewTopic(t.topicName(), 3, (short) 1).configs(t.topicConfigs())).toList())
                    .all().get();
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ReportingServiceApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + MONGO.getConnectionString() + "/stegvis-reporting",
                "--stegvis.schema-registry.url=" + registryUrl, "--management.server.port=0",
                TestIssuer.shared().serviceArguments().get(0), TestIssuer.shared().serviceArguments().get(1));
             UpstreamEvents topics = new UpstreamEvents(KAFKA.getBootstrapServers(), registryUrl)) {
            Http http = new Http("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
                    .withToken(TestIssuer.shared().token("real-images-staff"));
            topics.members("99-777-RI01", Map.of("real-images-staff", "STAFF"));
            topics.publish(InventedEvents.project("99-777-RI01", "Riktiga avbilder"),
                    InventedEvents.enrolled("99-777-RI01", UUID.randomUUID(), Gender.WOMAN, 21));

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                Http.Reply reply = http.get("/api/projects/99-777-RI01/indicators");
                return reply.status() == 200 && reply.json().get("participants").asInt() == 1;
            });
            assertThat(new Http("http://localhost:" + service.getEnvironment().getProperty("local.management.port"))
                    .get("/actuator/health").body()).contains("\"status\":\"UP\"");
        }
    }
}
