package se.stegvis.testing;

import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.registry.SchemaRegistryApplication;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.testsupport.SharedKafka;

/**
 * The project's schema registry, started once per test JVM on the shared broker, with every event topic created
 * (the shared broker does not create topics on demand): what a service's integration tests run against.
 */
public final class SharedRegistry {

    /**
     * The auto-configurations that bind a service's consumers (Spring Cloud Stream) and run their policy: excluded from
     * any other application a service's test JVM starts, which reads the service's application.yml and must not join
     * the service's consumer groups.
     */
    public static final String[] SERVICE_CONSUMERS = {
        "org.springframework.cloud.stream.function.FunctionConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
        "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
        "se.stegvis.consumer.EventConsumerConfiguration"};

    private static ConfigurableApplicationContext registry;

    public static synchronized String url() {
        if (registry == null) {
            KafkaTopics.ensure(SharedKafka.bootstrapServers(),
                    Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toArray(String[]::new));
            registry = new SpringApplicationBuilder(SchemaRegistryApplication.class).run("--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                    "--stegvis.registry.topic=_schemas_service_tests",
                    // Writes open, said explicitly: these tests are about the services; the registry's access
                    // rules, and the serde's credentials against them, are tested in schema-registry.
                    "--stegvis.registry.auth=none",
                    // The service's application.yml is on the class path too: its health groups name contributors
                    // only the service has, and its management port is the service's.
                    "--management.endpoint.health.validate-group-membership=false",
                    "--management.server.port=0",
                    // ... and it binds the service's consumers (Spring Cloud Stream): the registry must not join
                    // their consumer groups, where it would take partitions and apply nothing.
                    "--spring.autoconfigure.exclude=" + String.join(",", SERVICE_CONSUMERS));
        }
        return "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
    }

    private SharedRegistry() {
    }
}
