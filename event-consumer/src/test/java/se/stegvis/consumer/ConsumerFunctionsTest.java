package se.stegvis.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The functions that several imported binding files name are all bound, not only the last file's. */
class ConsumerFunctionsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void the_functions_of_every_binding_file_are_joined_into_the_definition() {
        imported("stegvis-replica.yml", Map.of("stegvis.consumer.functions.replica", "participantReplica"));
        imported("stegvis-memberships.yml", Map.of("stegvis.consumer.functions.memberships", "membershipTopic"));

        new ConsumerFunctions().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.function.definition")).isEqualTo("membershipTopic;participantReplica");
    }

    @Test
    void a_definition_given_elsewhere_wins_and_an_empty_name_leaves_a_function_out() {
        imported("stegvis-replica.yml", Map.of("stegvis.consumer.functions.replica", "participantReplica"));
        imported("stegvis-memberships.yml", Map.of("stegvis.consumer.functions.memberships", "membershipTopic"));
        imported("a test's arguments", Map.of("stegvis.consumer.functions.memberships", ""));

        new ConsumerFunctions().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.cloud.function.definition")).isEqualTo("participantReplica");

        imported("a service's own", Map.of("spring.cloud.function.definition", "other"));
        assertThat(environment.getProperty("spring.cloud.function.definition")).isEqualTo("other");
    }

    @Test
    void without_binding_files_nothing_is_defined() {
        new ConsumerFunctions().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty("spring.cloud.function.definition")).isFalse();
    }

    /** A configuration file read after those before it: it takes precedence over them, as an import does. */
    private void imported(String name, Map<String, Object> properties) {
        environment.getPropertySources().addFirst(new MapPropertySource(name, properties));
    }
}
