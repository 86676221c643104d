package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.testsupport.SharedMongo;

/**
 * What a round removes when Kafka answers entry by entry, with a producer whose acknowledgements the test hands
 * out (MockProducer) and the real Mongo-wire server: the cases a real broker will not produce on demand.
 */
class BatchPublicationIT {

    private final MockProducer<String, Object> producer = new MockProducer<>(false, null, new StringSerializer(),
            new ConfluentAvroSerializer(new InMemorySchemaRegistryClient()));
    private MongoClient mongo;
    private MongoCollection<Document> participants;

    @BeforeEach
    void freshCollection() {
        mongo = MongoClients.create(SharedMongo.connectionString());
        participants = mongo.getDatabase("outbox-batch-" + System.nanoTime()).getCollection("participants");
    }

    @AfterEach
    void disconnect() {
        mongo.close();
    }

    @Test
    void after_a_failed_entry_the_later_ones_stay_even_when_kafka_acknowledged_them() {
        List<OutboxEntry> entries = entries(3);
        participants.insertOne(Outbox.withEntries(new Document("_id", "p"), entries));

        CompletableFuture<BatchPublication.Result> round = publishInBackground(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        producer.completeNext();
        producer.errorNext(new TimeoutException("expired"));
        producer.completeNext();

        BatchPublication.Result result = round.join();
        assertThat(result.published()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.firstFailedEntry()).isEqualTo(entries.get(1));
        assertThat(Outbox.entriesOf(participants.find().first())).containsExactly(entries.get(1), entries.get(2));
    }

    @Test
    void a_document_that_lost_all_it_was_read_with_loses_its_mark_unless_a_write_appended_meanwhile() {
        participants.insertOne(Outbox.withEntries(new Document("_id", "drained"), entries(1)));
        participants.insertOne(Outbox.withEntries(new Document("_id", "appended"), entries(1, Instant.parse("2025-03-02T09:00:00Z"))));
        participants.insertOne(Outbox.withEntries(new Document("_id", "failed"), entries(1, Instant.parse("2025-03-03T09:00:00Z"))));

        CompletableFuture<BatchPublication.Result> round = publishInBackground(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        OutboxEntry appended = entries(1).get(0);
        participants.updateOne(Filters.eq("_id", "appended"), Outbox.append(List.of(appended)));
        producer.completeNext();
        producer.completeNext();
        producer.errorNext(new TimeoutException("expired"));
        round.join();

        assertThat(participants.find(Outbox.pending()).map(document -> document.getString("_id")))
                .containsExactlyInAnyOrder("appended", "failed");
        assertThat(Outbox.entriesOf(participants.find(Filters.eq("_id", "appended")).first())).containsExactly(appended);
        assertThat(participants.find(Filters.eq("_id", "drained")).first()).doesNotContainKey(Outbox.MARK.field());
    }

    @Test
    void a_mark_left_on_an_empty_outbox_goes_at_the_next_round() {
        participants.insertOne(Outbox.MARK.setOn(new Document("_id", "p").append(Outbox.FIELD, List.of())));

        BatchPublication.Result result = publishInBackground(false).join();

        assertThat(result.published()).isZero();
        assertThat(producer.history()).isEmpty();
        assertThat(participants.countDocuments(Outbox.pending())).isZero();
    }

    @Test
    void entries_sent_but_not_acknowledged_when_the_relay_stops_stay_pending() {
        List<OutboxEntry> entries = entries(2);
        participants.insertOne(Outbox.withEntries(new Document("_id", "p"), entries));

        BatchPublication.Result result = new BatchPublication(producer, () -> true)
                .publish(participants, participants.find().into(new ArrayList<>()));

        assertThat(producer.history()).hasSize(2);
        assertThat(result.published()).isZero();
        assertThat(Outbox.entriesOf(participants.find().first())).containsExactlyElementsOf(entries);
    }

    @Test
    void an_entry_that_cannot_be_decoded_holds_back_its_own_document_only() {
        OutboxEntry unreadable = entries(1).get(0);
        Document stored = unreadable.toDocument().append("schemaFingerprint", unreadable.schemaFingerprint() + 1);
        participants.insertOne(new Document("_id", "a").append(Outbox.FIELD, List.of(stored)));
        List<OutboxEntry> later = entries(2, unreadable.acceptedAt().plusSeconds(60));
        participants.insertOne(Outbox.withEntries(new Document("_id", "b"), later));

        CompletableFuture<BatchPublication.Result> round = publishInBackground(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);
        producer.completeNext();
        producer.completeNext();

        BatchPublication.Result result = round.join();
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.published()).isEqualTo(2);
        assertThat(result.firstFailure()).isInstanceOf(IllegalStateException.class);
        assertThat(Outbox.entriesOf(participants.find(Filters.eq("_id", "a")).first())).hasSize(1);
        assertThat(Outbox.entriesOf(participants.find(Filters.eq("_id", "b")).first())).isEmpty();
    }

    @Test
    void a_send_that_kafka_fails_at_once_halts_the_round_so_an_outage_costs_one_timeout_per_round() {
        participants.insertOne(Outbox.withEntries(new Document("_id", "a"), entries(2)));
        participants.insertOne(Outbox.withEntries(new Document("_id", "b"), entries(2, Instant.parse("2025-03-02T09:00:00Z"))));
        producer.sendException = new TimeoutException("Topic not present in metadata after 500 ms");

        BatchPublication.Result result = publishInBackground(false).join();

        assertThat(producer.history()).isEmpty();
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.firstFailure()).isInstanceOf(TimeoutException.class);
        assertThat(participants.find().map(Outbox::entriesOf)).allSatisfy(pending -> assertThat(pending).hasSize(2));
    }

    private CompletableFuture<BatchPublication.Result> publishInBackground(boolean stopping) {
        List<Document> batch = participants.find().sort(Outbox.oldestFirst()).into(new ArrayList<>());
        return CompletableFuture.supplyAsync(() -> new BatchPublication(producer, () -> stopping).publish(participants, batch));
    }

    private static List<OutboxEntry> entries(int count) {
        return entries(count, Instant.parse("2025-03-01T09:00:00Z"));
    }

    /** A participant's entries, accepted a second apart from {@code first} on. */
    private static List<OutboxEntry> entries(int count, Instant first) {
        UUID participantId = UUID.randomUUID();
        return IntStream.range(0, count).mapToObj(i -> OutboxEntry.of(EventTopic.PARTICIPANTS,
                participantId.toString(), Fixtures.left(participantId), first.plusSeconds(i))).toList();
    }
}
