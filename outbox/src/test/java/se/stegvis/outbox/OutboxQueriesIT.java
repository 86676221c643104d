package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.testsupport.SharedMongo;

/**
 * Every query and update the outbox relies on, run on the Mongo-wire server the integration tests use
 * (mongo-java-server): if an upgrade of it stops supporting one, this says which.
 */
class OutboxQueriesIT {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static MongoClient client;
    private MongoCollection<Document> aggregates;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedMongo.connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        aggregates = client.getDatabase("outbox-queries-" + System.nanoTime()).getCollection("aggregates");
    }

    @Test
    void state_and_entries_land_in_one_upsert_and_later_entries_are_appended_after_earlier_ones() {
        OutboxEntry first = entry(T0);
        OutboxEntry second = entry(T0.plusSeconds(1));
        aggregates.updateOne(Filters.eq("_id", "a"), Updates.combine(Updates.set("state", 1), Outbox.append(List.of(first))),
                new UpdateOptions().upsert(true));
        aggregates.updateOne(Filters.eq("_id", "a"), Updates.combine(Updates.set("state", 2), Outbox.append(List.of(second))));

        Document stored = aggregates.find().first();
        assertThat(stored.getInteger("state")).isEqualTo(2);
        assertThat(Outbox.entriesOf(stored)).containsExactly(first, second);
    }

    @Test
    void only_documents_with_a_non_empty_outbox_are_pending() {
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "with"), List.of(entry(T0))));
        aggregates.insertOne(new Document("_id", "empty").append(Outbox.FIELD, List.of()));
        aggregates.insertOne(new Document("_id", "none"));

        assertThat(aggregates.find(Outbox.pending()).map(d -> d.getString("_id"))).containsExactly("with");
    }

    @Test
    void pending_documents_sort_by_their_oldest_entry() {
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "late"), List.of(entry(T0.plusSeconds(20)))));
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "early"),
                List.of(entry(T0), entry(T0.plusSeconds(30)))));
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "middle"), List.of(entry(T0.plusSeconds(10)))));

        assertThat(aggregates.find(Outbox.pending()).sort(Outbox.oldestFirst()).map(d -> d.getString("_id")))
                .containsExactly("early", "middle", "late");
    }

    @Test
    void pulling_by_event_id_removes_exactly_those_entries() {
        OutboxEntry a = entry(T0);
        OutboxEntry b = entry(T0.plusSeconds(1));
        OutboxEntry c = entry(T0.plusSeconds(2));
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "x").append("state", "kept"), List.of(a, b, c)));

        aggregates.updateOne(Filters.eq("_id", "x"), Outbox.remove(List.of(a.eventId(), c.eventId())));

        Document stored = aggregates.find().first();
        assertThat(Outbox.entriesOf(stored)).containsExactly(b);
        assertThat(stored.getString("state")).isEqualTo("kept");
        aggregates.updateOne(Filters.eq("_id", "x"), Outbox.remove(List.of(b.eventId())));
        assertThat(aggregates.countDocuments(Outbox.pending())).isZero();
    }

    private static OutboxEntry entry(Instant acceptedAt) {
        return OutboxEntry.of(EventTopic.PARTICIPANTS, SampleEvents.PARTICIPANT_ID.toString(), SampleEvents.left(), acceptedAt);
    }
}
