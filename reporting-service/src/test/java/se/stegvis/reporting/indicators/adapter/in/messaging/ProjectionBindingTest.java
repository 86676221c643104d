package se.stegvis.reporting.indicators.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.ExtendedPropertiesBinder;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * The projection's binding as reporting-service configures it (its application.yml, which imports event-consumer's
 * stegvis-consumer.yml and stegvis-projection.yml), read from the binder itself: the settings the consumer is made
 * with, without Kafka (the binding is created but not started).
 */
class ProjectionBindingTest {

    private static final AtomicReference<ConsumerFactory<?, ?>> made = new AtomicReference<>();

    @Test
    void the_four_projected_topics_and_no_other_in_the_group_of_the_read_model_with_its_own_dead_letter_topic() {
        try (ConfigurableApplicationContext binder = start()) {
            BindingProperties binding = binder.getBean(BindingServiceProperties.class).getBindingProperties(ProjectionFunction.BINDING);
            KafkaConsumerProperties kafka = consumer(binder);
            Pattern destination = Pattern.compile(binding.getDestination());

            List<String> matched = Arrays.stream(EventTopic.values()).map(EventTopic::topicName)
                    .filter(topic -> destination.matcher(topic).matches()).toList();
            assertThat(matched).containsExactlyInAnyOrderElementsOf(
                    ProjectionFunction.PROJECTED_TOPICS.stream().map(EventTopic::topicName).toList());
            assertThat(kafka.isDestinationIsPattern()).isTrue();
            assertThat(binding.getGroup()).isEqualTo("reporting-service.projection");
            assertThat(kafka.getDlqName()).isEqualTo("stegvis.reporting.dead-letter.v1");
            assertThat(destination.matcher(kafka.getDlqName()).matches()).isFalse();
            assertThat(kafka.isEnableDlq()).as("the consumer policy dead-letters, not the binder").isFalse();
        }
    }

    @Test
    void offsets_are_committed_by_the_function_after_its_write_and_a_new_group_starts_at_the_beginning() {
        try (ConfigurableApplicationContext binder = start("--stegvis.projection.group-id=reporting-b")) {
            assertThat(binder.getBean(BindingServiceProperties.class).getConsumerProperties(ProjectionFunction.BINDING).isBatchMode())
                    .isTrue();
            assertThat(consumer(binder).getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
            assertThat(settings()).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "reporting-b");
        }
    }

    @Test
    void a_crashed_member_is_given_up_after_10_s_and_an_instance_id_makes_the_member_static() {
        try (ConfigurableApplicationContext binder = start()) {
            assertThat(setting(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
            assertThat(setting(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo("3000");
            assertThat(settings()).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        }
        try (ConfigurableApplicationContext binder = start("--stegvis.kafka.instance-id= reporting-service-1 ")) {
            // The container adds "-0" for its one consumer.
            assertThat(settings()).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    "reporting-service-1." + ProjectionFunction.BINDING);
        }
    }

    @Test
    void values_are_decoded_by_our_deserializer_and_a_record_that_does_not_decode_reaches_the_function() {
        try (ConfigurableApplicationContext binder = start("--stegvis.schema-registry.url=http://registry.invalid:8081")) {
            assertThat(setting(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)).isEqualTo(ErrorHandlingDeserializer.class.getName());
            assertThat(setting(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS)).isEqualTo(ConfluentAvroDeserializer.class.getName());
            assertThat(setting("schema.registry.url")).isEqualTo("http://registry.invalid:8081");
            assertThat(setting("specific.avro.reader")).isEqualTo("true");
        }
    }

    @Test
    void registry_credentials_go_to_the_deserializer_under_confluents_names() {
        try (ConfigurableApplicationContext binder = start()) {
            assertThat(settings()).doesNotContainKeys("basic.auth.credentials.source", "basic.auth.user.info");
        }
        try (ConfigurableApplicationContext binder = start("--stegvis.schema-registry.user-info=reporting:s3cret-value")) {
            assertThat(settings()).containsEntry("basic.auth.credentials.source", "USER_INFO")
                    .containsEntry("basic.auth.user.info", "reporting:s3cret-value");
        }
    }

    private static KafkaConsumerProperties consumer(ConfigurableApplicationContext binder) {
        // The binder's own properties live in its child context: asked of the binder.
        Object kafka = binder.getBean(BinderFactory.class).getBinder("kafka", MessageChannel.class);
        return (KafkaConsumerProperties) ((ExtendedPropertiesBinder<?, ?, ?>) kafka).getExtendedConsumerProperties(ProjectionFunction.BINDING);
    }

    private static Map<String, Object> settings() {
        return made.get().getConfigurationProperties();
    }

    private static String setting(String name) {
        return String.valueOf(settings().get(name));
    }

    private static ConfigurableApplicationContext start(String... settings) {
        made.set(null);
        List<String> args = new ArrayList<>(List.of(
                // Nothing listens there; the binding is never started.
                "--spring.kafka.bootstrap-servers=localhost:9",
                "--spring.cloud.stream.bindings." + ProjectionFunction.BINDING + ".consumer.auto-startup=false",
                // The service's health groups name contributors this application lacks.
                "--management.endpoint.health.validate-group-membership=false"));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        assertThat(made.get()).as("the binding's consumer factory").isNotNull();
        return context;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        /** In place of the projection: the binding is what is looked at. */
        @Bean(ProjectionFunction.NAME)
        Consumer<Message<List<Object>>> indicatorProjection() {
            return batch -> {
            };
        }

        @Bean
        ClientFactoryCustomizer madeWith() {
            return new ClientFactoryCustomizer() {
                @Override
                public void configure(ConsumerFactory<?, ?> factory) {
                    made.set(factory);
                }
            };
        }
    }
}
