package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.stegvis.replica.Events.corrected;
import static se.stegvis.replica.Events.enrolled;
import static se.stegvis.replica.Events.erased;
import static se.stegvis.replica.Events.left;
import static se.stegvis.replica.Events.projectDefined;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.stegvis.consumer.EventNotApplicable;
import se.stegvis.consumer.SwitchableRegistry;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.registry.SchemaRegistryClient;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.testsupport.SharedKafka;

/**
 * The replica's function on the Kafka binder, on the shared broker and Mongo-wire server, with events written by the
 * project's serializer: what it builds, what it commits, and what it does with records it cannot use.
 */
class ReplicaFunctionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    private static final LocalDate FEB_1 = LocalDate.of(2025, 2, 1);
    private static final LocalDate JULY_20 = LocalDate.of(2025, 7, 20);
    private static TopicWriter topics;

    private final String projectId = Events.newProjectId();
    private final UUID participantId = UUID.randomUUID();
    private final String group = "replica-it-" + UUID.randomUUID();
    private final List<RunningReplica> running = new ArrayList<>();
    private final EmptyReplica store = new EmptyReplica("replica-function");
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
    void stop() {
        running.forEach(RunningReplica::close);
        store.close();
    }

    @Test
    void the_replica_is_built_from_the_projects_and_the_participants_topics() {
        start();

        topics.publish(projectDefined(projectId, 0, "DIGITAL_GUIDANCE"), enrolled(projectId, participantId, FEB_3, 1),
                corrected(projectId, participantId, FEB_1, 2), left(projectId, participantId, JULY_20, 3));

        await().atMost(PATIENCE).until(() -> replica.leftParticipantsOf(projectId).size() == 1 && replica.project(projectId).isPresent());
        assertThat(replica.participant(participantId))
                .contains(new ReplicatedParticipant(participantId, projectId, FEB_1, JULY_20, false));
        assertThat(replica.project(projectId).orElseThrow().activityTypes()).containsExactly("DIGITAL_GUIDANCE");
    }

    @Test
    void an_event_published_again_after_a_newer_one_moves_nothing_back() {
        start();
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
        RunningReplica consumer = start();
        topics.publish(projectDefined(projectId, 0, "INTERNSHIP"), enrolled(projectId, participantId, FEB_3, 1),
                left(projectId, participantId, JULY_20, 2));
        await().atMost(PATIENCE).until(() -> replica.leftParticipantsOf(projectId).size() == 1 && replica.project(projectId).isPresent());
        await().atMost(PATIENCE).until(consumer::caughtUp);
        ReplicatedParticipant live = replica.participant(participantId).orElseThrow();
        ReplicatedProject liveProject = replica.project(projectId).orElseThrow();
        UUID neverPublished = UUID.randomUUID();
        replica.apply(enrolled(projectId, neverPublished, FEB_3, 1));

        consumer.rebuild();

        assertThat(consumer.caughtUp()).isFalse();
        assertThat(consumer.progress().ready()).as("not ready while it replays").isFalse();
        await().atMost(PATIENCE).until(consumer::caughtUp);
        assertThat(replica.participant(neverPublished)).as("what only the old store held").isEmpty();
        assertThat(replica.participant(participantId)).contains(live);
        assertThat(replica.project(projectId)).contains(liveProject);
        assertThat(consumer.progress().ready()).isTrue();
    }

    @Test
    void a_restarted_consumer_resumes_from_its_committed_offsets_and_loses_nothing() {
        RunningReplica first = start();
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
        await().atMost(PATIENCE).until(first::caughtUp);
        first.close();
        running.remove(first);
        topics.publish(left(projectId, participantId, JULY_20, 2));

        RunningReplica second = start();

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).orElseThrow().leftOn() != null);
        await().atMost(PATIENCE).until(second::caughtUp);
        assertThat(second.progress().appliedCount(group))
                .as("events applied by the second start: only the one published while none ran").isEqualTo(1);
    }

    @Test
    void restarted_under_its_instance_id_after_a_crash_it_takes_its_partitions_back_without_waiting_for_the_old_session() {
        String instance = "activity-service-1";
        int longSession = (int) PATIENCE.multipliedBy(3).toMillis();
        // The container's consumer of the binding carries the suffix -0 (its first, here only, consumer thread).
        crashMemberOf(instance + "." + ReplicaFunction.BINDING + "-0", longSession);
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));

        start("--stegvis.kafka.instance-id=" + instance,
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=" + longSession);

        // A dynamic member would get no partition before the crashed member's session (longer than PATIENCE) ended.
        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
    }

    @Test
    void undecodable_records_go_to_the_dead_letter_topic_as_they_were_and_later_records_still_arrive() {
        RunningReplica consumer = start();
        await().atMost(PATIENCE).until(consumer::caughtUp);

        // Bytes that are no Confluent Avro at all (a wrong magic byte): the record's fault, whatever the registry says.
        // (A record with an unknown schema id would be the registry's to answer, and wait: see the tests below.)
        String key = participantId.toString();
        byte[] notAvro = "not avro at all".getBytes(StandardCharsets.UTF_8);
        topics.publishRaw(EventTopic.PARTICIPANTS, key, notAvro);
        topics.publish(projectDefined(projectId, 0, "INTERNSHIP"), enrolled(projectId, participantId, FEB_3, 1));

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent() && replica.project(projectId).isPresent());
        ConsumerRecord<byte[], byte[]> letter = deadLetterKeyed(key);
        assertThat(letter.value()).isEqualTo(notAvro);
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(EventTopic.PARTICIPANTS.topicName());
        assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(letter.headers().lastHeader("kafka_dlt-exception-message")).as("no message: it may quote the record").isNull();
        assertThat(consumer.progress().deadLetteredCount(group)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_event_that_cannot_be_applied_goes_to_the_dead_letter_topic_byte_for_byte_while_later_events_are_applied() {
        UUID poisoned = UUID.randomUUID();
        RunningReplica consumer = startOn(refusing(event -> event instanceof ParticipantEnrolled enrolled
                && enrolled.getParticipantId().equals(poisoned)));
        await().atMost(PATIENCE).until(consumer::caughtUp);

        topics.publish(enrolled(projectId, poisoned, FEB_3, 1), enrolled(projectId, participantId, FEB_3, 1));

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
        assertThat(replica.participant(poisoned)).isEmpty();
        ConsumerRecord<byte[], byte[]> letter = deadLetterKeyed(poisoned.toString());
        assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(letter.value()).as("the bytes as written, not the event encoded again").isEqualTo(originalValue(letter));
        assertThat(consumer.progress().ready()).isTrue();
    }

    @Test
    void the_events_applied_before_and_after_a_record_set_aside_are_counted_once_each_and_the_record_only_as_set_aside() {
        ReplicaStore refusingTheLeaving = refusing(event -> event instanceof ParticipantLeft leaving
                && leaving.getParticipantId().equals(participantId));
        RunningReplica first = startOn(refusingTheLeaving);
        await().atMost(PATIENCE).until(first::caughtUp);
        first.close();
        running.remove(first);
        // Published while no consumer runs, so that the next one polls the three in one batch (one key: one partition,
        // in order), the leaving between an event before it and one after it.
        topics.publish(enrolled(projectId, participantId, FEB_3, 1), left(projectId, participantId, JULY_20, 2),
                corrected(projectId, participantId, FEB_1, 3));

        RunningReplica second = startOn(refusingTheLeaving);

        await().atMost(PATIENCE).until(() -> second.progress().deadLetteredCount(group) == 1 && second.caughtUp());
        assertThat(replica.participant(participantId))
                .contains(new ReplicatedParticipant(participantId, projectId, FEB_1, null, false));
        assertThat(second.progress().appliedCount(group))
                .as("the enrolment before the leaving set aside and the correction after it, each once").isEqualTo(2);
    }

    @Test
    void while_the_registry_cannot_be_asked_records_wait_for_it_the_consumer_is_not_ready_and_nothing_is_set_aside() {
        SwitchableRegistry registry = new SwitchableRegistry(TopicWriter.REGISTRY);
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));
        RunningReplica consumer = start(registry);

        await().atMost(PATIENCE).until(() -> registry.refusedCalls() >= 3);
        await().atMost(PATIENCE).until(() -> consumer.progress().waiting(group));
        assertThat(replica.participant(participantId)).isEmpty();
        assertThat(consumer.progress().ready()).isFalse();

        registry.switchOn();

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
        await().atMost(PATIENCE).until(() -> consumer.progress().ready());
        assertThat(deadLettersKeyed(participantId.toString())).as("the waiting event was never set aside").isEmpty();
    }

    @Test
    void a_schema_the_registry_says_it_does_not_know_is_waited_for_not_set_aside_until_the_registry_knows_it() {
        ForgetfulRegistry registry = new ForgetfulRegistry(TopicWriter.REGISTRY);
        topics.publish(enrolled(projectId, participantId, FEB_3, 1));
        RunningReplica consumer = start(registry);

        await().atMost(PATIENCE).until(() -> registry.notFoundAnswers() >= 3);
        await().atMost(PATIENCE).until(() -> consumer.progress().waiting(group));
        assertThat(replica.participant(participantId)).isEmpty();

        registry.remember();

        await().atMost(PATIENCE).until(() -> replica.participant(participantId).isPresent());
        assertThat(deadLettersKeyed(participantId.toString())).as("the waiting event was never set aside").isEmpty();
    }

    private RunningReplica start(String... settings) {
        return start(TopicWriter.REGISTRY, settings);
    }

    private RunningReplica start(SchemaRegistryClient registry, String... settings) {
        RunningReplica started = RunningReplica.start(SharedKafka.bootstrapServers(), group, replica, registry, settings);
        running.add(started);
        return started;
    }

    private RunningReplica startOn(ReplicaStore replicaStore) {
        RunningReplica started = RunningReplica.start(SharedKafka.bootstrapServers(), group, replicaStore, TopicWriter.REGISTRY);
        running.add(started);
        return started;
    }

    /** The test's replica, refusing the events given as not applicable (as a store refuses what contradicts it). */
    private ReplicaStore refusing(Predicate<SpecificRecord> refused) {
        return new ReplicaStore() {
            @Override
            public void check(SpecificRecord event) {
                if (refused.test(event)) {
                    throw new EventNotApplicable("refused by this test");
                }
            }

            @Override
            public void apply(List<SpecificRecord> events) {
                replica.apply(events);
            }

            @Override
            public void clear() {
                replica.clear();
            }
        };
    }

    /** The dead letter with that key, once it is there. */
    private ConsumerRecord<byte[], byte[]> deadLetterKeyed(String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.addAll(deadLettersKeyed(key));
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** What the group's dead-letter topic holds under that key now (read to its end). */
    private List<ConsumerRecord<byte[], byte[]>> deadLettersKeyed(String key) {
        return KafkaTopics.records(SharedKafka.bootstrapServers(), RunningReplica.deadLetterTopic(group)).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))).toList();
    }

    /** The value a dead letter's original record holds on its topic. */
    private static byte[] originalValue(ConsumerRecord<byte[], byte[]> letter) {
        TopicPartition partition = new TopicPartition(header(letter, "kafka_dlt-original-topic"),
                ByteBuffer.wrap(headerBytes(letter, "kafka_dlt-original-partition")).getInt());
        long offset = ByteBuffer.wrap(headerBytes(letter, "kafka_dlt-original-offset")).getLong();
        try (KafkaConsumer<byte[], byte[]> reader = bytesReader()) {
            reader.assign(List.of(partition));
            reader.seek(partition, offset);
            List<byte[]> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.offset() == offset) {
                        found.add(record.value());
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static KafkaConsumer<byte[], byte[]> bytesReader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(headerBytes(record, name), StandardCharsets.UTF_8);
    }

    private static byte[] headerBytes(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name + " among " + Arrays.toString(record.headers().toArray())).isNotNull();
        return header.value();
    }

    /**
     * A member of the group, under the static id given, that gets the topics' partitions and then ends as a killed
     * process would: without leaving the group, so the group holds its partitions until its session ends.
     */
    private void crashMemberOf(String instanceId, int sessionMillis) {
        KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMillis),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        member.subscribe(List.of(EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName()));
        await().atMost(PATIENCE).until(() -> {
            member.poll(Duration.ofMillis(100));
            return !member.assignment().isEmpty();
        });
        member.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
    }
}
