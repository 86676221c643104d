package se.stegvis.participant;

import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.testing.Http;
import se.stegvis.testing.RunningService;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * participant-service for real on the test JVM's shared broker and Mongo-wire server, with the project's own
 * registry beside it: the same components as the local stack, in one JVM.
 */
final class RunningParticipantService extends RunningService {

    private RunningParticipantService(ConfigurableApplicationContext context) {
        super(context);
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
                "--management.server.port=0",
                "--management.health.mongodb.enabled=false"));
        arguments.addAll(TestIssuer.shared().serviceArguments());
        return new RunningParticipantService(new SpringApplicationBuilder(ParticipantServiceApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    /** A client signed in as STAFF of the three projects the catalogue starts with. */
    Http staff(String subject) {
        for (String projectId : List.of("23-073-S03", "23-069-S06", "23-079-S13")) {
            grant(projectId, subject, "STAFF");
        }
        return as(subject);
    }

    /** Makes the subject a member of the project, as an admin does. */
    void grant(String projectId, String subject, String role) {
        Http.Reply reply = as("it-admin", "admin").put("/api/projects/" + projectId + "/members/" + subject,
                "{\"role\": \"" + role + "\"}");
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("Could not make " + subject + " " + role + " of " + projectId + ": " + reply.body());
        }
    }
}
