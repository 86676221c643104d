package se.stegvis.replica;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.RegistryForTests;
import se.stegvis.consumer.Replays;
import se.stegvis.schemas.registry.SchemaRegistryClient;

/**
 * The replica's function on the Kafka binder, as a service runs it (the module's {@code stegvis-consumer.yml} and
 * {@code stegvis-replica.yml}), in a small application of its own: only the registry is a test one, given to the
 * deserializer in place of the URL the configuration names.
 */
final class RunningReplica implements AutoCloseable {

    static final String APPLICATION = "replica-it";

    private static ReplicaStore store;
    private static SchemaRegistryClient registry;

    final ConfigurableApplicationContext context;
    final String group;

    private RunningReplica(ConfigurableApplicationContext context, String group) {
        this.context = context;
        this.group = group;
    }

    /** Starts it on the store and registry given, in the consumer group given, with any further settings. */
    static synchronized RunningReplica start(String bootstrapServers, String group, ReplicaStore replicaStore,
            SchemaRegistryClient schemaRegistry, String... settings) {
        store = replicaStore;
        registry = schemaRegistry;
        List<String> args = new ArrayList<>(List.of(
                "--spring.application.name=" + APPLICATION,
                "--spring.config.import=classpath:stegvis-consumer.yml,classpath:stegvis-replica.yml",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--stegvis.schema-registry.url=http://unused.invalid",
                "--stegvis.replica.group-id=" + group,
                "--stegvis.replica.dead-letter-topic=" + deadLetterTopic(group)));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        return new RunningReplica(context, group);
    }

    static String deadLetterTopic(String group) {
        return "stegvis.replica-it." + group + ".dead-letter.v1";
    }

    ConsumerProgress progress() {
        return context.getBean(ConsumerProgress.class);
    }

    void rebuild() {
        context.getBean(Replays.class).request(group);
    }

    boolean caughtUp() {
        return progress().caughtUp(group);
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean(ReplicaFunction.NAME)
        ReplicaFunction participantReplica(ConsumerProgress progress, Replays replays,
                @org.springframework.beans.factory.annotation.Value("${stegvis.replica.group-id}") String group) {
            return new ReplicaFunction(store, progress, replays, group);
        }

        @Bean
        ClientFactoryCustomizer testRegistry() {
            return RegistryForTests.decodingWith(registry);
        }
    }
}
