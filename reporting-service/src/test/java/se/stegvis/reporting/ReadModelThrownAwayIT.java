package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import se.stegvis.events.Gender;
import se.stegvis.testing.Http;
import se.stegvis.testsupport.SharedMongo;

/**
 * The read model thrown away (its database dropped) while reporting-service is stopped: the next start finds the
 * store empty and replays every topic from its start, although the consumer group's committed offsets lie beyond
 * the events it needs. Found by local-stack's FaultToleranceIT.
 */
class ReadModelThrownAwayIT {

    @Test
    void a_read_model_dropped_while_the_service_was_stopped_is_rebuilt_from_the_topics_on_the_next_start() {
        String database = "reporting-dropped-" + Long.toHexString(System.nanoTime());
        String mongoUri = SharedMongo.connectionString() + "/" + database;
        String group = "reporting-dropped-" + UUID.randomUUID();
        String project = "99-417-IT" + UUID.randomUUID().toString().substring(0, 4);
        UUID participant = UUID.randomUUID();
        String before;
        try (RunningReportingService first = RunningReportingService.startOn(mongoUri, group)) {
            first.grant(project, RunningReportingService.READER, "STAFF");
            first.upstream().publish(InventedEvents.project(project, "Kastad läsmodell"),
                    InventedEvents.enrolled(project, participant, Gender.NON_BINARY, 33), InventedEvents.guided(project, participant));
            // Final figures (CURRENT), so that the second start, once final too, must give them byte for byte.
            before = awaitFigures(first.reader(), project, figures -> figures.contains("\"participants\":1,")
                    && figures.contains("\"currency\":{\"state\":\"CURRENT\""));
        }
        try (MongoClient mongo = MongoClients.create(SharedMongo.connectionString())) {
            mongo.getDatabase(database).drop();
        }

        try (RunningReportingService second = RunningReportingService.startOn(mongoUri, group)) {
            assertThat(awaitFigures(second.reader(), project, before::equals)).isEqualTo(before);
        }
    }

    private static String awaitFigures(Http http, String project, java.util.function.Predicate<String> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Http.Reply reply = http.get("/api/projects/" + project + "/indicators");
                    return reply.status() == 200 ? reply.body() : "";
                }, until);
    }
}
