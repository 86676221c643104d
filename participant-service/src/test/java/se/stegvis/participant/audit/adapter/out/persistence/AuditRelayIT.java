package se.stegvis.participant.audit.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.testsupport.ScanCountingMongo;
import se.stegvis.testsupport.SharedMongo;

/**
 * The entries written with each change reach the trail once each, also when the relay stopped between storing an
 * entry and taking it from the participant's document; and the participant's own fields are never touched.
 */
class AuditRelayIT {

    private final MongoClient client = MongoClients.create(SharedMongo.connectionString());
    private final MongoDatabase database = client.getDatabase("audit-relay-it-" + UUID.randomUUID());
    private final MongoCollection<Document> participants = database.getCollection("participants");
    private final MongoCollection<Document> trail = database.getCollection("audit");
    private final AuditRelay relay = new AuditRelay(participants, trail, Duration.ofMillis(50));

    @AfterEach
    void close() {
        database.drop();
        client.close();
    }

    @Test
    void every_waiting_entry_is_moved_to_the_trail_once_and_the_participant_keeps_its_state() {
        Document enrolled = AuditDocuments.of(entry(AuditAction.ENROL));
        Document corrected = AuditDocuments.of(entry(AuditAction.CORRECT));
        participants.insertOne(new Document("_id", "p-1").append("revision", 2L).append("gender", "WOMAN")
                .append(AuditDocuments.PENDING, List.of(enrolled, corrected)));

        assertThat(relay.moveWaiting()).isEqualTo(2);

        assertThat(trail.countDocuments()).isEqualTo(2);
        Document participant = participants.find(new Document("_id", "p-1")).first();
        assertThat(participant.getList(AuditDocuments.PENDING, Document.class)).isEmpty();
        assertThat(participant.getLong("revision")).isEqualTo(2L);
        assertThat(participant.getString("gender")).isEqualTo("WOMAN");
        assertThat(relay.moveWaiting()).as("nothing left to move").isZero();
    }

    @Test
    void an_entry_stored_before_the_relay_stopped_is_not_stored_again_when_it_is_moved_once_more() {
        Document erased = AuditDocuments.of(entry(AuditAction.ERASE));
        trail.insertOne(erased);
        participants.insertOne(new Document("_id", "p-2").append(AuditDocuments.PENDING, List.of(erased)));

        relay.moveWaiting();

        assertThat(trail.countDocuments(new Document("action", "ERASE"))).isEqualTo(1);
        assertThat(participants.find(new Document("_id", "p-2")).first().getList(AuditDocuments.PENDING, Document.class)).isEmpty();

        // The control: the same entry stored without its id is counted twice, so the count above would catch a copy.
        Document copy = new Document(erased);
        copy.remove("_id");
        trail.insertOne(copy);
        assertThat(trail.countDocuments(new Document("action", "ERASE"))).isEqualTo(2);
    }

    @Test
    void once_prepared_a_round_finds_the_waiting_entries_by_their_mark_and_reads_no_participant_in_full() {
        String name = "audit-relay-scans-" + UUID.randomUUID();
        try (MongoClient counted = MongoClients.create(ScanCountingMongo.connectionString())) {
            MongoCollection<Document> people = counted.getDatabase(name).getCollection("participants");
            AuditRelay countedRelay = new AuditRelay(people, counted.getDatabase(name).getCollection("audit"), Duration.ofMillis(50));
            for (int i = 0; i < 10; i++) {
                people.insertOne(new Document("_id", "p-" + i).append("revision", 0L));
            }
            assertThat(countedRelay.moveWaiting()).as("the first round prepares: the one full read").isZero();
            long before = ScanCountingMongo.scans(name, "participants");
            people.updateOne(new Document("_id", "p-3"), AuditDocuments.append(entry(AuditAction.LEAVE)));
            people.insertOne(AuditDocuments.withPending(new Document("_id", "p-new"), entry(AuditAction.ENROL)));

            assertThat(countedRelay.moveWaiting()).isEqualTo(2);
            assertThat(countedRelay.moveWaiting()).isZero();

            assertThat(ScanCountingMongo.scans(name, "participants")).as("queries that read every participant").isEqualTo(before);
            assertThat(counted.getDatabase(name).getCollection("audit").countDocuments()).isEqualTo(2);
            assertThat(people.find(AuditDocuments.MARK.marked()).first()).as("no participant left marked").isNull();
        }
    }

    private static AuditEntry entry(AuditAction action) {
        return AuditEntry.of(Instant.parse("2025-03-01T10:00:00Z"), "staff-1", action, "23-073-S03", UUID.randomUUID());
    }
}
