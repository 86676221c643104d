package se.stegvis.registry.serde;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import se.stegvis.testsupport.RealImages;

/** The serde against Confluent's own registry and Apache's Kafka image. Skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class SerdeAgainstConfluentIT extends SerdeInteropContract {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @Override
    String registryUrl() {
        return RealImages.url(REGISTRY);
    }

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
