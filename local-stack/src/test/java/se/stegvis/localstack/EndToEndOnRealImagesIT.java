package se.stegvis.localstack;

import java.io.IOException;
import java.net.URI;
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
        startIssuer(ports);
        for (String service : StackPlan.SERVICES) {
            start(service, ports, masterKey);
            if (service.equals("participant")) {
                // As the launcher does: the demo identities made members by admin, so the scenario signs in as them.
                new DemoMembers(URI.create("http://127.0.0.1:" + ports.port(service)), new IssuerTokens(ports.issuer())).ensure();
            }
        }

        WholeSystemScenario scenario = new WholeSystemScenario(ServiceUrls.onLoopback(ports));
        scenario.run();

        ScenarioChecks checks = new ScenarioChecks(scenario);
        checks.awaitIndicators();
        checks.assertDashboard();
    }

    /** Started in the local stack's order, each ready before the next, as docker-compose.yml's health checks wait. */
    /** The local stack's issuer, so that tokens are got as on the local stack (client credentials of the demo identities). */
    private static void startIssuer(StackPorts ports) throws IOException {
        int port = ports.port("issuer");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                StackPlan.executableJar(ROOT, "local-issuer").toString(), "--server.port=" + port,
                "--stegvis.issuer.url=" + ports.issuer());
        awaitReady("local-issuer", ChildProcess.start("local-issuer", command, ROOT, logs.resolve("local-issuer.log")),
                Readiness.http(port, "/.well-known/openid-configuration"));
    }

    private static void start(String service, StackPorts ports, String masterKey) throws IOException {
        String module = service + "-service";
        int port = ports.port(service);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", StackPlan.executableJar(ROOT, module).toString(), "--server.port=" + port,
                "--management.server.port=" + ports.management(service),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ports.issuer(),
                "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("stegvis-" + service),
                "--stegvis.schema-registry.url=" + RealImages.url(REGISTRY)));
        if (service.equals("participant")) {
            command.add("--stegvis.crypto.master-key=" + masterKey);
        }
        awaitReady(module, ChildProcess.start(module, command, ROOT, logs.resolve(module + ".log")), Readiness.http(port, "/readyz"));
    }

    private static void awaitReady(String module, ChildProcess child, Readiness health) {
        SERVICES.add(child);
        Awaitility.await(module + " healthy (log: " + child.log() + ")").atMost(START).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!child.isAlive()) {
                        throw new IllegalStateException(module + " exited: " + String.join("\n", child.lastLogLines(40)));
                    }
                    return health.check();
                });
    }
}
