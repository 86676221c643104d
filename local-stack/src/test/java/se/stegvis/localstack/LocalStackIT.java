package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher exactly as {@code ./mvnw -Pstack} does, on free ports and a temporary data directory. */
class LocalStackIT {

    private static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("participant", "activity", "outcome", "reporting");
    private static final String TOPIC = "stack-check";
    private static final Duration START = LauncherProcess.START_TIMEOUT;
    private static final Duration STOP = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<LauncherProcess> launched = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void killWhatIsLeft() {
        launched.forEach(LauncherProcess::close);
    }

    @Test
    void runs_every_component_stops_them_all_on_sigterm_and_keeps_the_data_for_the_next_start() throws Exception {
        for (String module : List.of("schema-registry", "local-issuer", "participant-service", "activity-service",
                "outcome-service", "reporting-service")) {
            assertThat(StackPlan.executableJar(ROOT, module)).as("build the services first (mvn package)").isRegularFile();
        }
        StackPorts ports = StackPorts.free();
        String registryPath = registryServesSubjects() ? "/subjects" : "/actuator/health";

        LauncherProcess first = launch(ports, "stegvis.registry.ready-path=" + registryPath);
        first.awaitRunning(START);
        assertThat(first.output()).anyMatch(line -> line.matches("\\[stack] Kafka ready in [0-9.]+ s .*"));
        assertThat(Files.list(dataDir.resolve("logs")).map(path -> path.getFileName().toString())).contains(
                "kafka.log", "mongo.log", "schema-registry.log", "participant-service.log", "reporting-service.log");
        try (Admin admin = admin(ports)) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producer(ports)) {
            producer.send(new ProducerRecord<>(TOPIC, "key", "from the first run")).get(30, TimeUnit.SECONDS);
        }
        try (MongoClient mongo = mongo(ports)) {
            documents(mongo).insertOne(new Document("_id", "first").append("run", 1));
            assertThat(documents(mongo).find(Filters.eq("_id", "first")).first()).containsEntry("run", 1);
        }
        assertThat(get(ports.port("registry"), registryPath).statusCode()).isEqualTo(200);
        HttpResponse<String> discovery = get(ports.port("issuer"), "/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).as("the issuer the services are given")
                .contains("\"issuer\":\"http://localhost:" + ports.port("issuer") + "\"");
        for (String service : SERVICES) {
            HttpResponse<String> ready = get(ports.port(service), "/readyz");
            assertThat(ready.statusCode()).as(service + " /readyz, open on the API port").isEqualTo(200);
            assertThat(ready.body()).as(service).contains("\"UP\"");
            HttpResponse<String> metrics = get(ports.management(service), "/actuator/prometheus");
            assertThat(metrics.statusCode()).as(service + " metrics on the management port").isEqualTo(200);
            assertThat(metrics.body()).as(service + " metrics").contains("jvm_memory_used_bytes");
            assertThat(get(ports.port(service), "/actuator/prometheus").statusCode())
                    .as(service + ": metrics are not on the API port").isIn(401, 404);
        }
        assertThat(first.output()).as("the demo identities made members as the stack starts")
                .anyMatch(line -> line.startsWith("[stack] demo memberships: malmo-staff STAFF of 23-073-S03"));
        assertThat(first.output()).anyMatch(line -> line.contains("sign-in issuer") && line.contains(ports.issuer()));
        String firstRunsToken = new IssuerTokens(ports.issuer()).token("malmo-staff");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(StackPlan.issuerKeyFile(dataDir))))
                .as("the issuer's signing key, kept in the data directory").isEqualTo("rw-------");
        first.stopAndAssertNothingLeft(STOP);

        LauncherProcess second = launch(ports, "stegvis.registry.ready-path=" + registryPath);
        second.awaitRunning(START);
        assertThat(second.printed("formatting the Kafka storage")).as("the second start formats again").isFalse();
        assertThat(consumeAll(ports)).contains("from the first run");
        try (MongoClient mongo = mongo(ports)) {
            assertThat(documents(mongo).find(Filters.eq("_id", "first")).first()).containsEntry("run", 1);
        }
        assertThat(get(ports.port("participant"), "/api/projects", "Authorization", "Bearer " + firstRunsToken).statusCode())
                .as("a token of the first run, after a restart of the issuer on the same key file").isEqualTo(200);
        second.stopAndAssertNothingLeft(STOP);
    }

    @Test
    void refuses_to_start_when_a_port_is_taken_and_says_which_one() throws Exception {
        StackPorts ports = StackPorts.free();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.port("mongo")));

            LauncherProcess launcher = launch(ports);

            assertThat(launcher.process().waitFor(30, TimeUnit.SECONDS)).as("the launcher exited").isTrue();
            assertThat(launcher.process().exitValue()).isNotZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> launcher.printed("already in use"));
            assertThat(launcher.output()).containsExactly("[stack] Port " + ports.port("mongo")
                    + " (MongoDB) is already in use: stop whatever listens there or set -Dstegvis.mongo.port=...");
            assertThat(dataDir.resolve("logs")).doesNotExist();
            assertThat(launcher.process().descendants()).isEmpty();
        }
    }

    private LauncherProcess launch(StackPorts ports, String... properties) {
        LauncherProcess launcher = LauncherProcess.start(ROOT, dataDir, ports, properties);
        launched.add(launcher);
        return launcher;
    }

    /** Until the registry module serves the Confluent API, wait on its health instead (the launcher allows both). */
    private static boolean registryServesSubjects() throws IOException {
        byte[] subjects = "subjects".getBytes(StandardCharsets.UTF_8);
        try (JarFile jar = new JarFile(StackPlan.executableJar(ROOT, "schema-registry").toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith("BOOT-INF/classes/")
                    && e.getName().endsWith(".class")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    if (indexOf(in.readAllBytes(), subjects) >= 0) {
                        return true;
                    }
                }
            }
        }
        System.out.println("[LocalStackIT] the registry jar has no /subjects endpoint yet: waiting on /actuator/health");
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        return http.send((headers.length == 0 ? request : request.headers(headers)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Admin admin(StackPorts ports) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(ports)));
    }

    private static KafkaProducer<String, String> producer(StackPorts ports) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(ports),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<String> consumeAll(StackPorts ports) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(ports)), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            await("the record from the first run").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static String bootstrap(StackPorts ports) {
        return "127.0.0.1:" + ports.port("kafka");
    }

    private static MongoClient mongo(StackPorts ports) {
        return MongoClients.create("mongodb://127.0.0.1:" + ports.port("mongo") + "/?serverSelectionTimeoutMS=10000");
    }

    private static MongoCollection<Document> documents(MongoClient mongo) {
        return mongo.getDatabase("stack-check").getCollection("documents");
    }
}
