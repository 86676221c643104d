package se.stegvis.testing;

import java.util.Arrays;
import java.util.List;

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

    private static final List<String> BOOT_SECURITY_DEFAULTS = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");

    private static ConfigurableApplicationContext registry;

    public static synchronized String url() {
        if (registry == null) {
            KafkaTopics.ensure(SharedKafka.bootstrapServers(),
                    Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toArray(String[]::new));
            registry = new SpringApplicationBuilder(SchemaRegistryApplication.class).run("--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                    "--stegvis.registry.topic=_schemas_service_tests",
                    // It runs in a service's test JVM, where Spring Security is on the class path for the service:
                    // Boot's defaults for it (a generated password on every path) are not the registry's rules.
                    "--spring.autoconfigure.exclude=" + String.join(",", BOOT_SECURITY_DEFAULTS),
                    // The service's application.yml is on the class path too: its health groups name contributors
                    // only the service has, and its management port is the service's.
                    "--management.endpoint.health.validate-group-membership=false",
                    "--management.server.port=0");
        }
        return "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
    }

    private SharedRegistry() {
    }
}
