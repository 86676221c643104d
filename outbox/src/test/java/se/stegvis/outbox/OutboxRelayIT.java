package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/** The relay on a real broker and a real Mongo-wire server. */
class OutboxRelayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private MongoClient mongo;
    private MongoCollection<Document> participants;
    private MongoCollection<Document> activities;

    @BeforeAll
    static void topics() {
        Fixtures.createTopics(SharedKafka.bootstrapServers(), EventTopic.PARTICIPANTS, EventTopic.ACTIVITIES);
    }

    @BeforeEach
    void freshDatabase() {
        String connection = SharedMongo.freshDatabase("outbox");
        mongo = MongoClients.create(connection);
        MongoDatabase database = mongo.getDatabase(connection.substring(connection.lastIndexOf('/') + 1));
        participants = database.getCollection("participants");
        activities = database.getCollection("activities");
    }

    @AfterEach
    void stopEverything() {
        relays.forEach(OutboxRelay::stop);
        mongo.close();
    }

    @Test
    void events_written_with_the_state_are_published_in_order_under_their_key_then_removed_and_the_state_is_untouched() {
        UUID participantId = UUID.randomUUID();
        String key = participantId.toString();
        List<SpecificRecord> participantEvents = List.of(Fixtures.enrolled(participantId), Fixtures.left(participantId));
        Fixtures.enrolAndLeave(participants, participantId, participantEvents.subList(0, 1));
        participants.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("leftOn", "2025-07-20"),
                Outbox.append(List.of(OutboxEntry.of(EventTopic.PARTICIPANTS, key, participantEvents.get(1))))));
        ActivityRecorded activity = new ActivityRecorded(UUID.randomUUID(), SampleEvents.enrolled().getOccurredAt(),
                SampleEvents.PROJECT_ID, participantId, UUID.randomUUID(), "DIGITAL_GUIDANCE",
                java.time.LocalDate.of(2025, 2, 10), 1.5);
        activities.insertOne(Outbox.withEntries(new Document("_id", activity.getActivityId().toString())
                .append("hours", 1.5), List.of(OutboxEntry.of(EventTopic.ACTIVITIES, key, activity))));
        Document participantState = withoutOutbox(participants.find().first());

        start(relay(settings(), serializer()));

        try (Published published = new Published(SharedKafka.bootstrapServers(), registry, List.of(key),
                EventTopic.PARTICIPANTS, EventTopic.ACTIVITIES)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(published.byKey().get(key))
                    .containsExactlyInAnyOrder(participantEvents.get(0), participantEvents.get(1), activity));
            assertThat(published.byKey().get(key).stream().filter(e -> !(e instanceof ActivityRecorded)).toList())
                    .as("the participant's events in the order of its commands").isEqualTo(participantEvents);
        }
        await().atMost(PATIENCE).until(() -> relays.get(0).pendingCount() == 0);
        assertThat(withoutOutbox(participants.find().first())).isEqualTo(participantState);
        assertThat(participants.find().first().getList(Outbox.FIELD, Document.class)).isEmpty();
        assertThat(participants.find().first()).as("unmarked once published").doesNotContainKey(Outbox.MARK.field());
        assertThat(activities.find().first().getDouble("hours")).isEqualTo(1.5);
        assertThat(meters.get("stegvis.outbox.published").functionCounter().count()).isEqualTo(3);
        assertThat(meters.get("stegvis.outbox.pending").gauge().value()).isZero();
    }

    @Test
    void the_backlog_gauges_count_for_as_long_as_the_relay_lives_not_until_the_next_garbage_collection() {
        start(relay(settings(), serializer()));

        System.gc(); // Micrometer holds a gauge's object weakly unless told otherwise; nothing else holds these

        for (String collection : List.of("participants", "activities")) {
            assertThat(meters.get("stegvis.outbox.pending").tag("collection", collection).gauge().value())
                    .as("the %s backlog", collection).isNotNaN();
        }
    }

    @Test
    void a_write_goes_out_on_wake_up_without_waiting_for_the_next_poll() {
        OutboxRelay relay = start(relay(settings().withIdlePollInterval(Duration.ofHours(1)), serializer()));
        await().atMost(PATIENCE).until(() -> meters.get("stegvis.outbox.pending").gauge().value() == 0);
        UUID participantId = UUID.randomUUID();
        Fixtures.enrolAndLeave(participants, participantId, List.of(Fixtures.enrolled(participantId)));

        relay.wakeUp();

        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
    }

    @Test
    void a_write_goes_out_when_its_document_is_named_on_wake_up() {
        OutboxRelay relay = start(relay(settings().withIdlePollInterval(Duration.ofHours(1)), serializer()));
        await().atMost(PATIENCE).until(() -> meters.get("stegvis.outbox.pending").gauge().value() == 0);
        UUID participantId = UUID.randomUUID();
        Fixtures.enrolAndLeave(participants, participantId, List.of(Fixtures.enrolled(participantId)));

        relay.wakeUp(participantId.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
    }

    @Test
    void five_hundred_participants_with_two_events_each_all_go_out_in_order_per_participant() {
        Map<String, List<SpecificRecord>> written = Fixtures.participantsWhoEnrolAndLeave(participants, 500);

        OutboxRelay relay = start(relay(settings(), serializer()));

        try (Published published = new Published(SharedKafka.bootstrapServers(), registry, written.keySet(),
                EventTopic.PARTICIPANTS)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(published.byKey()).isEqualTo(written));
        }
        await().atMost(PATIENCE).until(() -> relay.pendingCount() == 0);
        assertThat(meters.get("stegvis.outbox.published").functionCounter().count()).isEqualTo(1000);
    }

    @Test
    void a_relay_stopped_half_way_and_a_new_one_leave_nothing_behind_and_lose_nothing() {
        Map<String, List<SpecificRecord>> written = Fixtures.participantsWhoEnrolAndLeave(participants, 300);
        GatedSerializer gate = new GatedSerializer(serializer(), 30);
        OutboxRelay first = start(relay(settings().withBatchSize(50), gate));
        await().atMost(PATIENCE).until(gate::reached);

        stopWhileHeldAtTheGate(first, gate);

        assertThat(first.pendingCount()).as("entries the stopped relay never reached").isGreaterThanOrEqualTo(500);
        OutboxRelay second = start(relay(settings().withBatchSize(50), serializer()));
        try (Published published = new Published(SharedKafka.bootstrapServers(), registry, written.keySet(),
                EventTopic.PARTICIPANTS)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, List<SpecificRecord>> firstDeliveries = new HashMap<>();
                published.byKey().forEach((key, events) -> firstDeliveries.put(key, Published.withoutRepeats(events)));
                assertThat(firstDeliveries).isEqualTo(written);
            });
        }
        await().atMost(PATIENCE).until(() -> second.pendingCount() == 0);
    }

    /**
     * The relay is held inside a send; stop() is called, and only once it is waiting for the loop (so the stop is
     * requested) is the relay let go: it ends within its first batch, like a process killed half-way.
     */
    private static void stopWhileHeldAtTheGate(OutboxRelay relay, GatedSerializer gate) {
        Thread stopping = new Thread(relay::stop, "stopping-relay");
        stopping.start();
        await().atMost(PATIENCE).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        gate.open();
        await().atMost(PATIENCE).until(() -> !stopping.isAlive());
    }

    private OutboxRelaySettings settings() {
        return OutboxRelaySettings.of(SharedKafka.bootstrapServers(), "http://unused.invalid");
    }

    private ConfluentAvroSerializer serializer() {
        return new ConfluentAvroSerializer(registry);
    }

    private OutboxRelay relay(OutboxRelaySettings settings, org.apache.kafka.common.serialization.Serializer<Object> serializer) {
        return new OutboxRelay(settings, List.of(participants, activities), relays.isEmpty() ? meters : null, serializer);
    }

    private OutboxRelay start(OutboxRelay relay) {
        relays.add(relay);
        relay.start();
        return relay;
    }

    private static Document withoutOutbox(Document document) {
        Document copy = new Document(document);
        copy.remove(Outbox.FIELD);
        copy.remove(Outbox.MARK.field());
        return copy;
    }
}
