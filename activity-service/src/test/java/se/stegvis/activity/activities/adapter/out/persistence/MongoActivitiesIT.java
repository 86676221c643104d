package se.stegvis.activity.activities.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import se.stegvis.activity.activities.domain.Activity;
import se.stegvis.activity.activities.domain.ActivityEvent;
import se.stegvis.testsupport.ScanCountingMongo;

/**
 * A recording, its retry and its retraction are answered from indexes: on mongo-java-server (the local stack's store)
 * a filter that no unique index matches exactly reads every activity, once per command. Counted by the server.
 */
class MongoActivitiesIT {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final String database = "activities-" + UUID.randomUUID();
    private final MongoClient mongo = MongoClients.create(ScanCountingMongo.connectionString());
    private final MongoCollection<Document> collection = mongo.getDatabase(database).getCollection("activities");
    private final MongoActivities activities = new MongoActivities(collection);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void recording_its_retry_and_retracting_twice_read_no_collection_in_full_and_the_second_retraction_changes_nothing() {
        ActivityEvent.Recorded recorded = new ActivityEvent.Recorded(UUID.randomUUID(), NOW, UUID.randomUUID(), "23-073-S03",
                UUID.randomUUID(), "DIGITAL_GUIDANCE", LocalDate.of(2025, 2, 10), new BigDecimal("1.5"));
        Activity activity = Activity.recorded(recorded);
        long before = ScanCountingMongo.scans(database, "activities");

        activities.add(activity, recorded, "key-hash-1");
        assertThat(activities.byIdempotencyKey("key-hash-1")).contains(activity);
        assertThat(activities.find(activity.id())).contains(activity);
        ActivityEvent.Retracted retracted = activity.retract(NOW.plusSeconds(60)).orElseThrow();
        assertThat(activities.retract(activity.withRetraction(), retracted)).isTrue();
        assertThat(activities.retract(activity.withRetraction(), retracted)).as("already retracted").isFalse();

        assertThat(ScanCountingMongo.scans(database, "activities")).as("queries that read every activity").isEqualTo(before);
        assertThat(activities.find(activity.id()).orElseThrow().retracted()).isTrue();
        assertThat(collection.find().first().getList("outbox", Document.class)).hasSize(2);
        assertThat(activities.currentOf(activity.participantId())).isEmpty();
    }
}
