package se.stegvis.consumer;

import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * For tests that run a consumer on the binder as a service does (its {@code stegvis-consumer.yml}) against a test
 * registry: the binder's consumers decode with it, in place of the URL the configuration names. Shared with the
 * consuming modules' tests (test-jar).
 */
public final class RegistryForTests {

    private RegistryForTests() {
    }

    /** A bean for the test's application: every binding's values decoded through the registry given. */
    public static ClientFactoryCustomizer decodingWith(SchemaRegistryClient registry) {
        return new ClientFactoryCustomizer() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public void configure(ConsumerFactory<?, ?> factory) {
                ((DefaultKafkaConsumerFactory) factory).setValueDeserializerSupplier(
                        () -> new ErrorHandlingDeserializer<>(new ConfluentAvroDeserializer(registry, true)));
            }
        };
    }
}
