package se.stegvis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import se.stegvis.events.EntryData;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.replica.Replica;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;

/**
 * The participants the outcomes are recorded for, written before the clock starts: one invented project, then per
 * participant an enrolment and a leaving, all on the same days; then waits until outcome-service's replica knows
 * every one as left and reporting-service counts them all.
 */
final class FreshnessParticipants {

    static final String PROJECT = "99-777-F01";
    static final LocalDate LEFT_ON = LocalDate.of(2025, 6, 2);
    private static final Duration GIVE_UP = Duration.ofMinutes(20);

    private final int count;

    FreshnessParticipants(int count) {
        this.count = count;
    }

    static UUID id(int index) {
        return new UUID(0x4652_4553_4845_5300L, index);
    }

    /** An EMPLOYED outcome within the four weeks after leaving (the window of UPON_LEAVING, that day included). */
    static String outcome(int index) {
        return "{\"type\":\"EMPLOYED\",\"date\":\"" + LEFT_ON.plusDays(index % 28) + "\"}";
    }

    void write(String bootstrapServers, String registryUrl) {
        try (KafkaProducer<String, Object> producer = ReplayEvents.producer(bootstrapServers, registryUrl)) {
            ProjectDefined project = ProjectDefined.newBuilder(SampleEvents.projectDefined()).setEventId(UUID.randomUUID())
                    .setProjectId(PROJECT).setName("Färskhetsprojektet").setPlannedParticipants(count).setTargets(List.of()).build();
            producer.send(new ProducerRecord<>(EventTopic.PROJECTS.topicName(), PROJECT, project));
            EntryData entry = SampleEvents.entryData();
            for (int i = 0; i < count; i++) {
                UUID id = id(i);
                producer.send(new ProducerRecord<>(EventTopic.PARTICIPANTS.topicName(), id.toString(),
                        new ParticipantEnrolled(UUID.randomUUID(), SampleEvents.enrolled().getOccurredAt(), PROJECT, id, entry)));
                producer.send(new ProducerRecord<>(EventTopic.PARTICIPANTS.topicName(), id.toString(), ParticipantLeft.newBuilder(SampleEvents.left())
                        .setEventId(UUID.randomUUID()).setProjectId(PROJECT).setParticipantId(id).setLeftOn(LEFT_ON).build()));
            }
            producer.flush();
        }
    }

    void awaitReplica(Replica replica) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (replica.participant(id(i)).map(p -> p.leftOn() == null).orElse(true)) {
                giveUpAfter(start, "outcome-service's replica has " + i + " of " + count + " participants");
                Thread.sleep(100);
            }
        }
        System.out.printf("outcome-service's replica has all %,d participants after %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    void awaitReporting(String reportingUrl) throws Exception {
        long start = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        Pattern participants = IndicatorStreamListener.total("participants");
        HttpRequest view = HttpRequest.newBuilder(URI.create(reportingUrl + "/api/indicators"))
                .header("Authorization", BenchSignIn.bearer(BenchSignIn.OWNER)).build();
        long counted = 0;
        while (counted < count) {
            giveUpAfter(start, "reporting-service counts " + counted + " of " + count + " participants");
            Thread.sleep(500);
            counted = IndicatorStreamListener.totalIn(participants, http.send(view, HttpResponse.BodyHandlers.ofString()).body());
        }
        System.out.printf("reporting-service counts all %,d participants after %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static void giveUpAfter(long start, String state) {
        if (System.nanoTime() - start > GIVE_UP.toNanos()) {
            throw new IllegalStateException("gave up: " + state);
        }
    }
}
