package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
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
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.testsupport.ScanCountingMongo;

/**
 * Every query and update the outbox relies on, run on the Mongo-wire server the integration tests use
 * (mongo-java-server): if an upgrade of it stops supporting one, this says which; and that those the relay makes at
 * every round are answered from an index, not by reading the collection (the local stack's server would read every
 * document at every poll).
 */
class OutboxQueriesIT {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static MongoClient client;
    private String database;
    private MongoCollection<Document> aggregates;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(ScanCountingMongo.connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        database = "outbox-queries-" + System.nanoTime();
        aggregates = client.getDatabase(database).getCollection("aggregates");
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
        aggregates.updateOne(Filters.eq("_id", "appended"), Outbox.append(List.of(entry(T0))), new UpdateOptions().upsert(true));
        aggregates.insertOne(new Document("_id", "empty").append(Outbox.FIELD, List.of()));
        aggregates.insertOne(new Document("_id", "none"));

        assertThat(aggregates.find(Outbox.pending()).map(d -> d.getString("_id"))).containsExactlyInAnyOrder("with", "appended");
    }

    @Test
    void entries_written_before_marks_are_marked_when_a_relay_prepares_and_only_they() {
        aggregates.insertOne(new Document("_id", "before").append(Outbox.FIELD, List.of(entry(T0).toDocument())));
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "marked"), List.of(entry(T0))));
        String token = Outbox.MARK.tokenOf(aggregates.find(Filters.eq("_id", "marked")).first());
        aggregates.insertOne(new Document("_id", "empty").append(Outbox.FIELD, List.of()));

        Outbox.prepare(aggregates);
        Outbox.prepare(aggregates);

        assertThat(aggregates.find(Outbox.pending()).map(d -> d.getString("_id"))).containsExactlyInAnyOrder("before", "marked");
        assertThat(Outbox.MARK.tokenOf(aggregates.find(Filters.eq("_id", "marked")).first())).isEqualTo(token);
    }

    @Test
    void a_mark_goes_only_while_it_is_the_one_read_so_entries_appended_meanwhile_stay_pending() {
        OutboxEntry first = entry(T0);
        OutboxEntry second = entry(T0.plusSeconds(1));
        aggregates.insertOne(Outbox.withEntries(new Document("_id", "a"), List.of(first)));
        String read = Outbox.MARK.tokenOf(aggregates.find(Outbox.pending()).first());
        aggregates.updateOne(Filters.eq("_id", "a"), Outbox.append(List.of(second)));

        aggregates.updateOne(Filters.eq("_id", "a"), Outbox.remove(List.of(first.eventId())));
        aggregates.updateOne(Outbox.MARK.stillMarkedAs(read), Outbox.MARK.unmark());

        assertThat(aggregates.find(Outbox.pending()).map(Outbox::entriesOf)).containsExactly(List.of(second));
        String now = Outbox.MARK.tokenOf(aggregates.find(Outbox.pending()).first());
        aggregates.updateOne(Filters.eq("_id", "a"), Outbox.remove(List.of(second.eventId())));
        aggregates.updateOne(Outbox.MARK.stillMarkedAs(now), Outbox.MARK.unmark());
        assertThat(aggregates.countDocuments(Outbox.pending())).isZero();
    }

    @Test
    void what_the_relay_asks_at_every_round_is_answered_from_indexes_not_by_reading_the_collection() {
        for (int i = 0; i < 50; i++) {
            aggregates.insertOne(i % 5 == 0 ? Outbox.withEntries(new Document("_id", "p" + i), List.of(entry(T0.plusSeconds(i))))
                    : new Document("_id", "p" + i).append(Outbox.FIELD, List.of()));
        }
        Outbox.prepare(aggregates);
        OutboxRelay relay = new OutboxRelay(OutboxRelaySettings.of("127.0.0.1:9", "http://unused.invalid"), List.of(aggregates), null);
        long before = ScanCountingMongo.scans(database, "aggregates");

        List<Document> pending = aggregates.find(Outbox.pending()).sort(Outbox.oldestFirst())
                .projection(Projections.include(Outbox.FIELD, Outbox.MARK.field())).limit(200).into(new ArrayList<>());
        List<Document> hinted = aggregates.find(Filters.in("_id", List.of("p5", "p6"))).sort(Outbox.oldestFirst()).into(new ArrayList<>());
        long waiting = relay.pendingCount();
        for (Document document : pending) {
            aggregates.updateOne(Filters.eq("_id", document.get("_id")),
                    Outbox.remove(Outbox.entriesOf(document).stream().map(OutboxEntry::eventId).toList()));
            aggregates.updateOne(Outbox.MARK.stillMarkedAs(Outbox.MARK.tokenOf(document)), Outbox.MARK.unmark());
        }

        assertThat(ScanCountingMongo.scans(database, "aggregates")).as("queries answered by reading every document")
                .isEqualTo(before);
        assertThat(pending).hasSize(10);
        assertThat(hinted).hasSize(2);
        assertThat(waiting).isEqualTo(10);
        assertThat(relay.pendingCount()).isZero();
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
        assertThat(Outbox.entriesOf(aggregates.find().first())).isEmpty();
    }

    private static OutboxEntry entry(Instant acceptedAt) {
        return OutboxEntry.of(EventTopic.PARTICIPANTS, SampleEvents.PARTICIPANT_ID.toString(), SampleEvents.left(), acceptedAt);
    }
}
