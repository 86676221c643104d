package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on one local stack, started as {@code ./mvnw -Pstack} starts it, under a continuous load of commands through
 * the public HTTP APIs, retractions among them: the broker down for 30 s, each service killed with SIGKILL,
 * reporting-service's read model dropped and rebuilt. After each: nothing accepted is lost, nothing is counted twice,
 * nothing retracted still counts (in the figures, and per participant in reporting-service's read model), and it stays
 * so while a user would look; after a rebuild the read model holds exactly what the loads accepted, nothing else. Each
 * consuming service killed is also given its last records again ({@link Redelivery}), and its metrics show it applied
 * them twice. The figures go to {@code local-stack/target/reliability.md} (docs/reliability.md holds a run's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Path ROOT = Path.of(System.getProperty("stegvis.root", "..")).toAbsolutePath().normalize();
    private static final Path REPORT = ROOT.resolve("local-stack/target/reliability.md");
    private static final Duration NEW_PERSON_EVERY = Duration.ofMillis(400);
    private static final Duration KAFKA_DOWN = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofMinutes(3);
    private static final int FLOWING = 3;
    private static final Duration HOLD = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    private final ReliabilityReport report = new ReliabilityReport();
    private final AtomicInteger people = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, StackChild> restarted = new LinkedHashMap<>();
    private StackPorts ports;
    private LauncherProcess launcher;
    private StackHttp http;
    private Convergence convergence;

    @BeforeAll
    void startTheStack() {
        for (String module : List.of("schema-registry", "participant-service", "activity-service", "outcome-service", "reporting-service")) {
            assertThat(StackPlan.executableJar(ROOT, module)).as("build the services first (./mvnw install -DskipTests)").isRegularFile();
        }
        Instant begin = Instant.now();
        ports = StackPorts.free();
        launcher = LauncherProcess.start(ROOT, dataDir, ports);
        launcher.awaitRunning(LauncherProcess.START_TIMEOUT);
        report.stackStarted(Duration.between(begin, Instant.now()));
        http = new StackHttp(ports);
        convergence = new Convergence(http, bootstrapServers(), "http://127.0.0.1:" + ports.port("registry"), ports.port("mongo"));
    }

    @AfterAll
    void stopTheStack() throws InterruptedException, IOException {
        report.write(REPORT);
        if (convergence != null) {
            convergence.close();
        }
        if (launcher == null) {
            return;
        }
        List<StackChild> mine = new ArrayList<>(restarted.values());
        StackChild kafka = restarted.remove("Kafka");
        try {
            restarted.values().forEach(StackChild::stop); // services first, as the launcher stops them
            launcher.stopAndAssertNothingLeft(Duration.ofMinutes(2));
            if (kafka != null) {
                kafka.stop(); // a broker started again by this test goes last
            }
        } finally {
            mine.forEach(child -> child.handle().destroyForcibly());
            launcher.close();
            keepLogs();
        }
    }

    /** The components' logs (the restarted ones appended to the same files), for whoever reads a failed run. */
    private static void keepLogs() throws IOException {
        Path kept = Files.createDirectories(ROOT.resolve("local-stack/target/fault-tolerance-logs"));
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(dataDir.resolve("logs"))) {
            for (Path log : logs) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @Order(1)
    void with_kafka_down_for_30_s_commands_are_still_accepted_and_every_one_arrives_once_after() throws InterruptedException {
        Ledger ledger = new Ledger();
        Instant down;
        Instant up;
        Instant recovered;
        try (CommandLoad load = new CommandLoad(ports, ledger, people, run)) {
            load.start(NEW_PERSON_EVERY);
            awaitFlowing(ledger, Instant.now());
            StackChild kafka = child("Kafka");
            kafka.stop();
            down = Instant.now();
            Thread.sleep(KAFKA_DOWN.toMillis()); // the fault itself: the broker away for 30 s while commands keep coming
            up = Instant.now();
            restart(kafka);
            await("Kafka answering again").atMost(START).until(() -> Readiness.kafka(ports.port("kafka")).check());
            recovered = Instant.now();
            awaitFlowing(ledger, recovered);
            load.stopStarting();
            load.awaitFinished(START);
        }
        assertThat(ledger.acceptedBetween(Ledger.Kind.ENROLMENT, down, up)).as("enrolments accepted while Kafka was down").isPositive();
        converged("a) Kafka broker", "stopped (SIGTERM) and started again", "down " + ReliabilityReport.seconds(Duration.between(down, up))
                + " s, answering again after " + ReliabilityReport.seconds(Duration.between(down, recovered)) + " s", ledger, down, recovered,
                List.of());
    }

    @Test
    @Order(2)
    void each_service_killed_with_sigkill_in_turn_under_load_and_restarted_loses_nothing_and_counts_nothing_twice() {
        Ledger ledger = new Ledger();
        List<String> downtimes = new ArrayList<>();
        Instant firstKilled = null;
        Instant recovered = null;
        List<Redelivery.Planted> setBack = new ArrayList<>();
        try (CommandLoad load = new CommandLoad(ports, ledger, people, run)) {
            load.start(NEW_PERSON_EVERY);
            awaitFlowing(ledger, Instant.now());
            for (String service : StackPlan.SERVICES) {
                StackChild child = child(service + "-service");
                child.kill();
                Instant killed = Instant.now();
                firstKilled = firstKilled == null ? killed : firstKilled;
                if (Redelivery.group(service) != null) {
                    setBack.add(Redelivery.setBack(bootstrapServers(), service));
                }
                restart(child);
                await(service + "-service healthy again").atMost(START)
                        .until(() -> Readiness.http(ports.port(service), "/readyz").check());
                recovered = Instant.now();
                downtimes.add(service + " " + ReliabilityReport.seconds(Duration.between(killed, recovered)) + " s");
                Instant since = recovered;
                await("commands accepted after " + service + "-service's restart").atMost(START)
                        .until(() -> ledger.acceptedBetween(since, Instant.MAX) >= FLOWING);
            }
            awaitFlowing(ledger, recovered);
            load.stopStarting();
            load.awaitFinished(START);
        }
        converged("b) each service in turn", "killed (SIGKILL) and started again", "down until healthy: " + String.join(", ", downtimes),
                ledger, firstKilled, recovered, setBack);
    }

    @Test
    @Order(3)
    void reporting_store_dropped_while_stopped_is_rebuilt_from_the_topics_on_start_to_the_same_view() {
        Map<String, JsonNode> before = currentViews();
        StackChild reporting = child("reporting-service");
        reporting.stop();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + ports.port("mongo"))) {
            mongo.getDatabase("stegvis-reporting").drop();
            assertThat(mongo.listDatabaseNames().into(new ArrayList<>())).as("databases after the drop").doesNotContain("stegvis-reporting");
        }
        Instant started = Instant.now();
        restart(reporting);
        rebuilt("c) store dropped while stopped, then started", before, started);
    }

    @Test
    @Order(4)
    void rebuild_requested_while_running_replays_every_topic_to_the_same_view() {
        Map<String, JsonNode> before = currentViews();
        plantStrays();
        Instant requested = Instant.now();
        assertThat(http.post("reporting", "/api/admin/rebuild")).isEqualTo(202);
        await("the rebuild to finish").atMost(START).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("reporting", "/api/admin/rebuild").get("state").asText(), "DONE"::equals);
        JsonNode progress = http.get("reporting", "/api/admin/rebuild");
        assertThat(progress.get("replayed").asLong()).as("records replayed").isEqualTo(progress.get("toReplay").asLong()).isPositive();
        rebuilt("c) POST /api/admin/rebuild while running", before, requested);
    }

    private void converged(String scenario, String fault, String downtime, Ledger ledger, Instant from, Instant recovered,
                           List<Redelivery.Planted> setBack) {
        assertThat(ledger.refused()).as("answers the client could not retry").isEmpty();
        Convergence.Result result = convergence.await(ledger);
        List<Redelivery.Measured> redelivered = setBack.stream()
                .map(planted -> Redelivery.measure(bootstrapServers(), ports.management(planted.service()), planted)).toList();
        report.add(new ReliabilityReport.FaultFigures(scenario, fault, downtime, ledger, ledger.acceptedBetween(from, recovered),
                result, Convergence.eventFigures(ledger, result.topics()), Duration.between(recovered, result.at()),
                Duration.between(ledger.lastAccepted(), result.at()), redelivered));
        report.write(REPORT);
        assertThat(redelivered).as("consuming services that applied every record set back again, beside those published since their kill")
                .allSatisfy(measured -> assertThat(measured.redelivered()).as(measured.describe())
                        .isGreaterThanOrEqualTo(measured.planted().setBack()));
        convergence.assertExact(result);
        convergence.assertHeldExact(result, HOLD);
    }

    /**
     * After a rebuild: every view as before, once CURRENT again; and the read model, once its checkpoint has followed,
     * exactly what every load so far accepted and nothing else.
     */
    private void rebuilt(String scenario, Map<String, JsonNode> before, Instant from) {
        boolean equal;
        try {
            await("reporting-service's views as before").atMost(START).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(http::reportingViews, before::equals);
            equal = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            equal = false;
        }
        Instant viewsBack = Instant.now();
        List<String> readModel = convergence.awaitReadModel(Convergence.CHECKPOINT_PATIENCE);
        report.add(new ReliabilityReport.RebuildFigures(scenario, (int) TopicCounts.records(bootstrapServers()), before.size(), equal,
                Duration.between(from, viewsBack), readModel.size(), Duration.between(viewsBack, Instant.now())));
        report.write(REPORT);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(http.reportingViews()).as("every view after the rebuild").isEqualTo(before);
        softly.assertThat(readModel).as("reporting-service's read model after the rebuild against every ledger so far").isEmpty();
        softly.assertAll();
    }

    /**
     * reporting-service's views once each says its figures are final ({@code currency} CURRENT): a view read while the
     * projection is behind or rebuilding differs from the same figures read later in its currency alone.
     */
    private Map<String, JsonNode> currentViews() {
        return await("every view of reporting-service CURRENT").atMost(START).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(http::reportingViews, views -> views.values().stream()
                        .allMatch(view -> "CURRENT".equals(view.path("currency").path("state").asText())));
    }

    /**
     * Puts into the checkpoint what no event says: a participant of the project, and an activity and an outcome of a
     * participant a load enrolled, each under an id no load was given. The running service never reads its checkpoint,
     * so only a rebuild that starts from an empty store is rid of them; one that replayed over the old store would keep
     * them, and its next start would count them.
     */
    private void plantStrays() {
        String participant = convergence.anyEnrolled();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + ports.port("mongo"))) {
            MongoDatabase store = mongo.getDatabase("stegvis-reporting");
            store.getCollection("reporting_participants").insertOne(new Document("_id", UUID.randomUUID().toString())
                    .append("projectId", InventedPeople.PROJECT).append("enrolled", true).append("erased", false));
            store.getCollection("reporting_activities").insertOne(new Document("_id", UUID.randomUUID().toString())
                    .append("participantId", participant).append("retracted", false).append("type", "DIGITAL_GUIDANCE")
                    .append("date", InventedPeople.ENROLLED_ON.toString()));
            store.getCollection("reporting_outcomes").insertOne(new Document("_id", UUID.randomUUID().toString())
                    .append("participantId", participant).append("retracted", false).append("type", "EMPLOYED")
                    .append("date", InventedPeople.ENROLLED_ON.toString()).append("followUp", "DURING_PARTICIPATION"));
        }
        assertThat(convergence.readModelDiscrepancies()).as("the read model with the strays planted").hasSize(3);
    }

    /** Waits until people are flowing through all three services: some outcomes accepted since {@code since}. */
    private void awaitFlowing(Ledger ledger, Instant since) {
        await("commands accepted by every service").atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.acceptedBetween(Ledger.Kind.OUTCOME, since, Instant.MAX) >= FLOWING);
    }

    /** The component's live process: one this test started again, or else the launcher's child. */
    private StackChild child(String name) {
        StackChild again = restarted.get(name);
        if (again != null && again.handle().isAlive()) {
            return again;
        }
        String part = name.equals("Kafka") ? " kafka.Kafka " : StackPlan.executableJar(ROOT, name).toString();
        return StackChild.find(launcher.process().descendants().toList(), name, part);
    }

    private void restart(StackChild child) {
        restarted.put(child.name(), child.startAgain());
    }

    private String bootstrapServers() {
        return "127.0.0.1:" + ports.port("kafka");
    }
}
