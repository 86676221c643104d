package se.stegvis.participant;

import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testing.SharedRegistry;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * participant-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own
 * registry beside it: the same components as the local stack, in one JVM.
 */
final class RunningParticipantService implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private RunningParticipantService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The project's registry, once per test JVM. */
    static String registryUrl() {
        return SharedRegistry.url();
    }

    static RunningParticipantService start(String database) {
        return start(database, SharedKafka.bootstrapServers());
    }

    /** On another broker than the shared one (the registry stays on the shared broker). */
    static RunningParticipantService start(String database, String bootstrapServers) {
        String registryUrl = registryUrl();
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.mongodb.uri=" + SharedMongo.connectionString() + "/" + database,
                "--stegvis.schema-registry.url=" + registryUrl,
                "--stegvis.crypto.master-key=" + TestMasterKey.BASE64,
                "--management.health.mongodb.enabled=false"));
        return new RunningParticipantService(new SpringApplicationBuilder(ParticipantServiceApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
