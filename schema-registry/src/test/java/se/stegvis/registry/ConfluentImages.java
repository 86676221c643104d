package se.stegvis.registry;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Confluent's registry image on an {@code apache/kafka} KRaft broker, with the tags docker-compose.yml uses (passed
 * in by failsafe from the root pom). For the suites that run where a Docker engine answers.
 */
public final class ConfluentImages {

    private ConfluentImages() {
    }

    public static KafkaContainer kafka(Network network) {
        return new KafkaContainer(System.getProperty("image.kafka", "apache/kafka:4.1.1"))
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withListener("kafka:19092");
    }

    public static GenericContainer<?> schemaRegistry(Network network, KafkaContainer kafka) {
        return new GenericContainer<>(System.getProperty("image.schema-registry", "confluentinc/cp-schema-registry:8.0.0"))
                .withNetwork(network)
                .dependsOn(kafka)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    }

    public static String url(GenericContainer<?> registry) {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }
}
