package se.stegvis.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import se.stegvis.testsupport.RealImages;

/**
 * EndToEndIT's scenario on the real images of docker-compose.yml (Apache Kafka, Confluent's Schema Registry and
 * MongoDB, tags from the build's image.* properties, which ImageTagsTest keeps equal to the compose file's), with the
 * four services' executable jars as processes pointed at them: the same HTTP calls and the same figures as on the
 * local stack, against the servers a deployment runs. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndOnRealImagesIT {

    private static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    private static final Duration START = Duration.ofMinutes(3);
    private static final Network NETWORK = Network.newNetwork();
    private static final List<ChildProcess> SERVICES = new ArrayList<>();

    @Container
    static final MongoDBContainer MONGO = RealImages.mongo();

    @Container
    static final KafkaContainer KAFKA = RealImages.kafka(NETWORK);

    @Container
    static final GenericContainer<?> REGISTRY = RealImages.schemaRegistry(NETWORK, KAFKA);

    @TempDir
    static Path logs;

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void the_whole_system_scenario_gives_the_same_figures_on_kafka_confluents_registry_and_mongodb() throws Exception {
        StackPorts ports = StackPorts.free();
        String masterKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        for (String service : StackPlan.SERVICES) {
            start(service, ports.port(service), masterKey);
        }

        WholeSystemScenario scenario = new WholeSystemScenario(ServiceUrls.onLoopback(ports));
        scenario.run();

        ScenarioChecks checks = new ScenarioChecks(scenario);
        checks.awaitIndicators();
        checks.assertDashboard();
    }

    /** Started in the local stack's order, each ready before the next, as docker-compose.yml's health checks wait. */
    private static void start(String service, int port, String masterKey) throws IOException {
        String module = service + "-service";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", StackPlan.executableJar(ROOT, module).toString(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("stegvis-" + service),
                "--stegvis.schema-registry.url=" + RealImages.url(REGISTRY)));
        if (service.equals("participant")) {
            command.add("--stegvis.crypto.master-key=" + masterKey);
        }
        ChildProcess child = ChildProcess.start(module, command, ROOT, logs.resolve(module + ".log"));
        SERVICES.add(child);
        Readiness health = Readiness.http(port, "/actuator/health");
        Awaitility.await(module + " healthy (log: " + child.log() + ")").atMost(START).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!child.isAlive()) {
                        throw new IllegalStateException(module + " exited: " + String.join("\n", child.lastLogLines(40)));
                    }
                    return health.check();
                });
    }
}
