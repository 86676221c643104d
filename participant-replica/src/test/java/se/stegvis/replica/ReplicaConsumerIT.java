package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.stegvis.replica.Events.corrected;
import static se.stegvis.replica.Events.enrolled;
import static se.stegvis.replica.Events.erased;
import static se.stegvis.replica.Events.left;
import static se.stegvis.replica.Events.projectDefined;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.testsupport.SharedKafka;

/** The consumer on the shared broker and Mongo-wire server, with events written by the project's serializer. */
class ReplicaConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration CRASHED_SESSION = PATIENCE.multipliedBy(3);
    private static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    private static final LocalDate FEB_1 = LocalDate.of(2025, 2, 1);
    private static final LocalDate JULY_20 = LocalDate.of(2025, 7, 20);
    private static TopicWriter topics;

    private final String projectId = Events.newProjectId();
    private final UUID participantId = UUID.randomUUID();
    private final String groupId = "replica-it-" + UUID.randomUUID();
    private final List<ReplicaConsumer> consumers = new ArrayList<>();
    private final EmptyReplica store = new EmptyReplica("replica-consumer");
    private final MongoReplica replica = store.replica();

    @BeforeAll
    static void writer() {
        topics = new TopicWriter(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void closeWriter() {
        topics.close();
    }

    @AfterEach
    void stopConsumers() {
        consumers.forEach(ReplicaConsumer::stop);
        store.close();
    }

    @Test
    void the_replica_is_built_from_the_projects_and_the_participants_topics() {
        start(new SimpleMeterRegistry());

        topics.publish(projectDefined(projectId, 0, "DIGITAL_GUIDANCE"), enrolled(projectId, participantId, FEB_3, 1),
                corrected(projectId, participantId, FEB_1, 2), left(projectId, participantId, JULY_20, 3));

        await().atMost(PATIENCE).until(() -> replica.leftParticipantsOf(projectId).size() == 1 && replica.project(projectId).isPresent());
        assertThat(replica.participant(participantId))
                .contains(new ReplicatedParticipant(participantId, projectId, FEB_1, JULY_20, false));
        assertThat(replica.project(projectId).orElseThrow().activityTypes()).containsExactly("DIGITAL_GUIDANCE");
    }

    @Test
    void an_event_published_again_after_a_newer_one_moves_nothing_back() {
        start(new SimpleMeterRegistry());
        var enrolment = enrolled(projectId, participantId, FEB_3, 1);
        var leaving = left(projectId, participantId, JULY_20, 3);
        topics.publish(enrolment, corrected(projectId, participantId, FEB_1, 2), leaving);
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).map(p -> p.leftOn() != null).orElse(false));
        ReplicatedParticipant before = replica.participant(participantId).orElseThrow();

        topics.publish(enrolment, leaving, left(projectId, participantId, LocalDate.of(2025, 7, 1), 2),
                erased(projectId, participantId, 4));

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).orElseThrow().erased());
        assertThat(replica.participant(participantId))
                .contains(new ReplicatedParticipant(participantId, before.projectId(), FEB_1, JULY_20, true));
    }

    @Test
    void a_rebuild_empties_the_store_and_replays_both_topics_to_the_state_built_live() {
        ReplicaConsumer consumer = start(new SimpleMeterRegistry());
        topics.publish(projectDefined(projectId, 0, "INTERNSHIP"), enrolled(projectId, participantId, FEB_3, 1),
                left(projectId, participantId, JULY_20, 2));
        await().atMost(PATIENCE).until(() -> replica.leftParticipantsOf(projectId).size() == 1 && replica.project(projectId).isPresent());
        ReplicatedParticipant live = replica.participant(participantId).orElseThrow();
        ReplicatedProject liveProject = replica.project(projectId).orElseThrow();
        UUID neverPublished = UUID.randomUUID();
        replica.apply(enrolled(projectId, neverPublished, FEB_3, 1));

        consumer.rebuild();

        assertThat(consumer.caughtUp()).isFalse();
        await().atMost(PATIENCE).until(consumer::caughtUp);
        assertThat(replica.participant(neverPublished)).as("what only the old store held").isEmpty();
        assertThat(replica.participant(participantId)).contains(live);
        assertThat(replica.project(projectId)).contains(liveProject);
    }

    @Test
    void a_restarted_consumer_resumes_from_its_committed_offsets_and_loses_nothing() {
        ReplicaConsumer first = start(new SimpleMeterRegistry());
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
        await().atMost(PATIENCE).until(first::caughtUp);
        first.stop();
        topics.publish(left(projectId, participantId, JULY_20, 2));

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        start(meters);

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).orElseThrow().leftOn() != null);
        assertThat(meters.get("stegvis.replica.applied").functionCounter().count())
                .as("records applied by the second consumer: only the one published while none ran").isEqualTo(1);
    }

    @Test
    void restarted_under_its_instance_id_after_a_crash_it_takes_its_partitions_back_without_waiting_for_the_old_session() {
        ReplicaSettings settings = settings().withInstanceId("activity-service-1")
                .withConsumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) CRASHED_SESSION.toMillis());
        crashMemberOf(settings);
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));

        start(settings, new SimpleMeterRegistry(), deserializerOn(TopicWriter.REGISTRY));

        // A dynamic member would get no partition before the crashed member's session (longer than PATIENCE) ended.
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
    }

    @Test
    void undecodable_records_are_skipped_and_counted_and_later_records_still_arrive() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReplicaConsumer consumer = start(meters);
        await().atMost(PATIENCE).until(consumer::caughtUp);
        double skippedBefore = skipped(meters);

        String key = participantId.toString();
        topics.publishRaw(EventTopic.PARTICIPANTS, key, "not avro at all".getBytes(StandardCharsets.UTF_8));
        topics.publishRaw(EventTopic.PARTICIPANTS, key, new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 4});
        topics.publishRaw(EventTopic.PROJECTS, projectId, new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 4});
        topics.publish(projectDefined(projectId, 0, "INTERNSHIP"), enrolled(projectId, participantId, FEB_3, 1));

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent() && replica.project(projectId).isPresent());
        assertThat(skipped(meters) - skippedBefore).isEqualTo(3);
    }

    @Test
    void while_the_registry_cannot_be_asked_records_wait_for_it_instead_of_being_skipped() {
        SwitchableRegistry registry = new SwitchableRegistry(TopicWriter.REGISTRY);
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        start(meters, deserializerOn(registry));

        await().atMost(PATIENCE).until(() -> registry.refusedCalls() >= 3);
        assertThat(replica.participant(participantId)).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.get("stegvis.replica.lag").gauge().value())
                .as("the waiting records show as lag").isGreaterThanOrEqualTo(1));
        // Garbage other tests left on the shared topics fails before any registry call and may be skipped; events may not.
        assertThat(meters.get("stegvis.replica.applied").functionCounter().count()).isZero();

        registry.switchOn();

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
    }

    @Test
    void start_and_stop_may_each_be_called_twice() {
        ReplicaConsumer consumer = start(new SimpleMeterRegistry());
        consumer.start();
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());

        consumer.stop();
        consumer.stop();

        assertThat(consumer.caughtUp()).isFalse();
    }

    private ReplicaConsumer start(MeterRegistry meters) {
        return start(meters, deserializerOn(TopicWriter.REGISTRY));
    }

    private ReplicaConsumer start(MeterRegistry meters, Deserializer<Object> values) {
        return start(settings(), meters, values);
    }

    private ReplicaConsumer start(ReplicaSettings settings, MeterRegistry meters, Deserializer<Object> values) {
        ReplicaConsumer consumer = new ReplicaConsumer(settings, replica, meters, values);
        consumers.add(consumer);
        consumer.start();
        return consumer;
    }

    private ReplicaSettings settings() {
        return ReplicaSettings.of(SharedKafka.bootstrapServers(), "http://unused.invalid", groupId)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    /**
     * A member of the group, under the settings' instance id, that gets the topics' partitions and then ends as a
     * killed process would: without leaving the group, so the group holds its partitions until its session ends.
     */
    private static void crashMemberOf(ReplicaSettings settings) {
        KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(settings.consumerConfig(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        member.subscribe(List.of(EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName()));
        await().atMost(PATIENCE).until(() -> {
            member.poll(Duration.ofMillis(100));
            return !member.assignment().isEmpty();
        });
        member.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
    }

    private static Deserializer<Object> deserializerOn(SchemaRegistryClient registry) {
        return new ConfluentAvroDeserializer(registry, true);
    }

    private static double skipped(SimpleMeterRegistry meters) {
        return meters.get("stegvis.replica.skipped").functionCounter().count();
    }
}
