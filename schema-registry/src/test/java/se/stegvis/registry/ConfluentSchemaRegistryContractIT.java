package se.stegvis.registry;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import se.stegvis.testsupport.RealImages;

/**
 * The same contract against Confluent's own registry image on a KRaft broker: proof that the contract describes
 * Confluent's behaviour and not only ours. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryContractIT extends SchemaRegistryContract {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @Override
    String baseUrl() {
        return RealImages.url(REGISTRY);
    }
}
