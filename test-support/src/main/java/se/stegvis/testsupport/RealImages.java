package se.stegvis.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real images of docker-compose.yml (tags from the build's image.* properties, which a test keeps equal to the
 * compose file's): MongoDB, Apache Kafka and Confluent's Schema Registry on one network. A Testcontainers suite
 * declares the containers it needs from these, as {@code @Container} fields.
 */
public final class RealImages {

    public static MongoDBContainer mongo() {
        return new MongoDBContainer(System.getProperty("image.mongo", "mongo:8.0.12"));
    }

    public static KafkaContainer kafka(Network network) {
        return new KafkaContainer(System.getProperty("image.kafka", "apache/kafka:4.1.1"))
                .withNetwork(network).withNetworkAliases("kafka").withListener("kafka:19092");
    }

    /** Confluent's registry, storing its schemas in the given Kafka container. */
    public static GenericContainer<?> schemaRegistry(Network network, KafkaContainer kafka) {
        return new GenericContainer<>(System.getProperty("image.schema-registry", "confluentinc/cp-schema-registry:8.0.0"))
                .withNetwork(network).dependsOn(kafka).withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    }

    public static String url(GenericContainer<?> registry) {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    private RealImages() {
    }
}
