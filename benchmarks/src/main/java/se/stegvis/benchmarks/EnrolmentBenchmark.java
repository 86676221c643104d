package se.stegvis.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;

import se.stegvis.participant.ParticipantServiceApplication;
import se.stegvis.participant.participants.application.EnrolParticipant;
import se.stegvis.registry.SchemaRegistryApplication;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * Enrolments per second through participant-service's HTTP API (validation, sealing, one document write with the
 * outbox, the relay publishing to a real broker meanwhile) against plain single-document inserts of the very
 * documents the service stored, into the same Mongo-wire server, at the same concurrency, in alternating rounds.
 * Enrolments are sent signed in as the project's STAFF ({@link BenchSignIn}), as every client must.
 */
public final class EnrolmentBenchmark {

    static final int CLIENTS = 8;
    /** Where the invented people enrolled through the use case start, far from the HTTP ones. */
    static final int DIRECT_PEOPLE = 5_000_000;
    static final int PER_ROUND = Integer.getInteger("bench.perRound", 2_000);
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUp", 8);
    static final int MEASURED_ROUNDS = Integer.getInteger("bench.rounds", 6);

    /** Exits in every case: the in-process broker and servers would otherwise keep a failed run alive. */
    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String database = "enrolment-benchmark";
        createTopics();
        try (ConfigurableApplicationContext registry = ServiceStart.run(SchemaRegistryApplication.class,
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(), "--logging.level.root=WARN",
                "--stegvis.registry.auth=none");
             ConfigurableApplicationContext service = ServiceStart.run(ParticipantServiceApplication.class,
                BenchSignIn.serviceArguments("--server.port=0", "--spring.kafka.bootstrap-servers=" + System.getProperty("bench.serviceKafka", SharedKafka.bootstrapServers()),
                "--spring.mongodb.uri=" + SharedMongo.connectionString() + "/" + database,
                "--stegvis.schema-registry.url=http://localhost:" + registry.getEnvironment().getProperty("local.server.port"),
                "--stegvis.crypto.master-key=YmVuY2htYXJrLW9ubHktbWFzdGVyLWtleS0zMmJ5dGU=",
                "--management.health.mongodb.enabled=false", "--logging.level.root=WARN"));
             MongoClient mongo = MongoClients.create(SharedMongo.connectionString())) {
            String baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            BenchSignIn.grantStaff(baseUrl, EnrolmentLoad.HTTP_PROJECT);
            MongoCollection<Document> stored = mongo.getDatabase(database).getCollection("participants");
            EnrolmentLoad load = new EnrolmentLoad(baseUrl, CLIENTS);
            EnrolParticipant useCase = service.getBean(EnrolParticipant.class);
            List<RoundResult> results = new ArrayList<>();
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                boolean plainFirst = round % 2 == 1;
                MongoCollection<Document> plain = shapedLike(stored, mongo.getDatabase(database).getCollection("plain_inserts_" + round));
                RoundResult result = plainFirst ? measurePlainFirst(load, useCase, stored, plain, round)
                        : measureHttpFirst(load, useCase, stored, plain, round);
                plain.drop();
                if (round >= WARM_UP_ROUNDS) {
                    results.add(result);
                }
                System.out.printf("round %d: http %.0f/s, use case %.0f/s, plain inserts %.0f/s%n", round + 1, result.http().perSecond(),
                        result.direct().perSecond(), result.plain().perSecond());
            }
            new EnrolmentBenchmarkReport(results, CLIENTS, PER_ROUND, WARM_UP_ROUNDS).writeTo(Path.of(args.length > 0 ? args[0] : "docs/benchmarks/enrolment.md"));
            System.out.println("written");
        }
    }

    private static RoundResult measureHttpFirst(EnrolmentLoad load, EnrolParticipant useCase, MongoCollection<Document> stored,
            MongoCollection<Document> plain, int round) throws Exception {
        EnrolmentLoad.Timing http = load.enrol(round * PER_ROUND, PER_ROUND);
        EnrolmentLoad.Timing direct = load.direct(useCase, DIRECT_PEOPLE + round * PER_ROUND, PER_ROUND);
        EnrolmentLoad.Timing inserts = load.insert(copies(stored, round), plain);
        return new RoundResult(http, direct, inserts);
    }

    private static RoundResult measurePlainFirst(EnrolmentLoad load, EnrolParticipant useCase, MongoCollection<Document> stored,
            MongoCollection<Document> plain, int round) throws Exception {
        List<Document> previous = copies(stored, round - 1);
        EnrolmentLoad.Timing inserts = load.insert(previous, plain);
        EnrolmentLoad.Timing direct = load.direct(useCase, DIRECT_PEOPLE + round * PER_ROUND, PER_ROUND);
        EnrolmentLoad.Timing http = load.enrol(round * PER_ROUND, PER_ROUND);
        return new RoundResult(http, direct, inserts);
    }

    /**
     * A fresh collection with the service's indexes (the unique duplicate fingerprint and Idempotency-Key, the project),
     * so the baseline writes the same documents into the same shape of collection, index upkeep included.
     */
    private static MongoCollection<Document> shapedLike(MongoCollection<Document> stored, MongoCollection<Document> plain) {
        for (Document index : stored.listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                plain.createIndex(index.get("key", Document.class),
                        new IndexOptions().unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false)));
            }
        }
        return plain;
    }

    /** The documents the service stored in a round (state, sealed data, fingerprint, outbox as it was), new ids. */
    private static List<Document> copies(MongoCollection<Document> stored, int round) {
        List<Document> documents = new ArrayList<>();
        stored.find(Filters.eq("projectId", EnrolmentLoad.HTTP_PROJECT)).skip(Math.max(0, round) * PER_ROUND).limit(PER_ROUND).forEach(document -> {
            document.remove("_id");
            documents.add(document);
        });
        return documents;
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(EventTopic.PROJECTS.topicName(), 1, (short) 1).configs(EventTopic.PROJECTS.topicConfigs()),
                    new NewTopic(EventTopic.PARTICIPANTS.topicName(), 3, (short) 1).configs(EventTopic.PARTICIPANTS.topicConfigs()))).all().get();
        }
    }

    record RoundResult(EnrolmentLoad.Timing http, EnrolmentLoad.Timing direct, EnrolmentLoad.Timing plain) {
        double ratio() {
            return http.perSecond() / plain.perSecond();
        }

        double directRatio() {
            return direct.perSecond() / plain.perSecond();
        }
    }

}
