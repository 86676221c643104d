package se.stegvis.access.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import se.stegvis.access.ProjectRole;
import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.RegistryForTests;
import se.stegvis.consumer.SwitchableRegistry;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.testsupport.SharedKafka;

/**
 * The memberships reader on the Kafka binder, bound as a service binds it ({@code stegvis-consumer.yml} and
 * {@code stegvis-memberships.yml}), on the shared broker with events written by the project's serializer: every start
 * reads the whole topic, a record that is its own fault is set aside while the rest is read, and the registry's
 * absence is waited for.
 */
class MembershipTopicIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final String APPLICATION = "memberships-it";
    /** The registry the next start decodes with. */
    private static SchemaRegistryClient registry;

    private final String project = "99-" + UUID.randomUUID().toString().substring(0, 6) + "-M01";
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeAll
    static void topic() {
        KafkaTopics.ensure(SharedKafka.bootstrapServers(), MembershipTopic.TOPIC);
    }

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void every_start_reads_the_whole_topic_from_its_beginning_and_follows_it() {
        publish(changed(project, "staff-" + project, "STAFF"));
        MembershipTopic first = start();
        await().atMost(PATIENCE).until(first::caughtUp);
        assertThat(first.of("staff-" + project)).isEqualTo(Map.of(project, ProjectRole.STAFF));

        publish(changed(project, "staff-" + project, "STAFF", "owner-" + project, "OWNER"));
        await().atMost(PATIENCE).until(() -> first.of("owner-" + project).containsKey(project));
        running.remove(0).close();

        MembershipTopic second = start();
        await().atMost(PATIENCE).until(second::caughtUp);
        assertThat(second.of("staff-" + project)).as("read again from the beginning, nothing taken from the first start")
                .isEqualTo(Map.of(project, ProjectRole.STAFF));
        assertThat(second.of("owner-" + project)).isEqualTo(Map.of(project, ProjectRole.OWNER));
    }

    @Test
    void a_record_that_is_no_avro_is_set_aside_as_it_was_and_the_memberships_after_it_are_read() {
        byte[] notAvro = ("not avro " + project).getBytes(StandardCharsets.UTF_8);
        publishRaw(project, notAvro);
        publish(changed(project, "staff-" + project, "STAFF"));

        MembershipTopic reader = start();

        await().atMost(PATIENCE).until(() -> reader.caughtUp() && reader.of("staff-" + project).containsKey(project));
        await().atMost(PATIENCE).until(() -> deadLetters().stream().anyMatch(letter -> java.util.Arrays.equals(letter.value(), notAvro)));
    }

    @Test
    void while_the_registry_cannot_be_asked_the_reader_waits_is_not_caught_up_and_sets_nothing_aside() {
        publish(changed(project, "staff-" + project, "STAFF"));
        SwitchableRegistry away = new SwitchableRegistry(REGISTRY);
        MembershipTopic reader = start(away);

        await().atMost(PATIENCE).until(() -> away.refusedCalls() >= 3);
        assertThat(reader.caughtUp()).isFalse();
        assertThat(reader.of("staff-" + project)).isEmpty();

        away.switchOn();

        await().atMost(PATIENCE).until(() -> reader.caughtUp() && reader.of("staff-" + project).containsKey(project));
        assertThat(deadLetters()).as("the membership that waited was never set aside")
                .noneMatch(letter -> letter.key() != null && project.equals(new String(letter.key(), StandardCharsets.UTF_8)));
    }

    private MembershipTopic start() {
        return start(REGISTRY);
    }

    private MembershipTopic start(SchemaRegistryClient decoding) {
        registry = decoding;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(
                "--spring.application.name=" + APPLICATION,
                "--spring.config.import=classpath:stegvis-consumer.yml,classpath:stegvis-memberships.yml",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--stegvis.schema-registry.url=http://unused.invalid",
                "--spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration");
        running.add(context);
        assertThat(context.getBean(ConsumerProgress.class)).isNotNull();
        return context.getBean(MembershipTopic.class);
    }

    private static ProjectMembersChanged changed(String projectId, String... subjectsAndRoles) {
        List<ProjectMember> members = new ArrayList<>();
        for (int i = 0; i < subjectsAndRoles.length; i += 2) {
            members.add(new ProjectMember(subjectsAndRoles[i], se.stegvis.events.ProjectRole.valueOf(subjectsAndRoles[i + 1])));
        }
        return new ProjectMembersChanged(UUID.randomUUID(), Instant.now(), projectId, members);
    }

    private static void publish(ProjectMembersChanged event) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ConfluentAvroSerializer(REGISTRY))) {
            send(producer, new ProducerRecord<>(MembershipTopic.TOPIC, event.getProjectId(), event));
        }
    }

    private static void publishRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, new ProducerRecord<>(MembershipTopic.TOPIC, key, value));
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    }

    private static <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e.getCause());
        }
    }

    /** What the reader's dead-letter topic holds now, read to its end. */
    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return KafkaTopics.records(SharedKafka.bootstrapServers(), "stegvis." + APPLICATION + ".memberships.dead-letter.v1");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MembershipTopicConfiguration.class)
    static class App {

        @Bean
        ClientFactoryCustomizer testRegistry() {
            return RegistryForTests.decodingWith(registry);
        }
    }
}
