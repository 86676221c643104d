package se.stegvis.registry.serde;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import se.stegvis.registry.RunningRegistry;
import se.stegvis.testsupport.SharedKafka;

/** The serde against this module's registry on the in-process broker. */
class SerdeAgainstRegistryIT extends SerdeInteropContract {

    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("_schemas_serde");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    String registryUrl() {
        return registry.baseUrl();
    }

    @Override
    String bootstrapServers() {
        return SharedKafka.bootstrapServers();
    }
}
