package se.stegvis.outcome.outcomes.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import se.stegvis.outcome.outcomes.domain.FollowUpPoint;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.outcome.outcomes.domain.OutcomeEvent;
import se.stegvis.testsupport.ScanCountingMongo;

/**
 * A recording, its retry and its retraction are answered from indexes: on mongo-java-server (the local stack's store)
 * a filter that no unique index matches exactly reads every outcome, once per command. Counted by the server.
 */
class MongoOutcomeStoreIT {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final String database = "outcomes-" + UUID.randomUUID();
    private final MongoClient mongo = MongoClients.create(ScanCountingMongo.connectionString());
    private final MongoCollection<Document> collection = mongo.getDatabase(database).getCollection("outcomes");
    private final MongoOutcomeStore store = new MongoOutcomeStore(collection);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void recording_its_retry_and_retracting_twice_read_no_collection_in_full_and_the_second_retraction_changes_nothing() {
        OutcomeEvent.Recorded recorded = new OutcomeEvent.Recorded(UUID.randomUUID(), NOW, UUID.randomUUID(), "23-073-S03",
                UUID.randomUUID(), "EMPLOYED", LocalDate.of(2025, 2, 10), FollowUpPoint.UPON_LEAVING);
        Outcome outcome = Outcome.recorded(recorded);
        long before = ScanCountingMongo.scans(database, "outcomes");

        store.add(recorded, "key-hash-1");
        assertThat(store.byIdempotencyKey("key-hash-1")).contains(outcome);
        assertThat(store.find(outcome.id())).contains(outcome);
        OutcomeEvent.Retracted retracted = outcome.retract(NOW.plusSeconds(60)).orElseThrow();
        assertThat(store.retract(retracted)).isTrue();
        assertThat(store.retract(retracted)).as("already retracted").isFalse();

        assertThat(ScanCountingMongo.scans(database, "outcomes")).as("queries that read every outcome").isEqualTo(before);
        assertThat(store.find(outcome.id()).orElseThrow().retracted()).isTrue();
        assertThat(collection.find().first().getList("outbox", Document.class)).hasSize(2);
    }
}
