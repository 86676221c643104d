package se.stegvis.access.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.access.Memberships;
import se.stegvis.access.ProjectRole;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * Who works on which project, as the compacted memberships topic says: read from its beginning on every start,
 * with no consumer group and nothing committed, and followed from then on. Each event is a project's whole
 * membership, so the latest one per project is all there is to keep, in memory (a few hundred members at most).
 *
 * <p>Until it has read up to the end the topic had at start, {@link #caughtUp()} is false and the service is not
 * ready: until then it could not tell a member from a stranger. While Kafka or the registry is away it keeps what
 * it knows and tries again with a growing pause; a topic that does not exist yet means no memberships yet.
 */
public final class MembershipTopic implements Memberships {

    private static final Logger log = LoggerFactory.getLogger(MembershipTopic.class);
    private static final String TOPIC = EventTopic.MEMBERSHIPS.topicName();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Map<String, ProjectRole>> membersByProject = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private Thread worker;

    public MembershipTopic(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.consumerConfig = Map.copyOf(config);
    }

    @Override
    public Map<String, ProjectRole> of(String subject) {
        Map<String, ProjectRole> projects = new HashMap<>();
        membersByProject.forEach((projectId, members) -> {
            ProjectRole role = members.get(subject);
            if (role != null) {
                projects.put(projectId, role);
            }
        });
        return projects;
    }

    /** Whether everything the topic held at start has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public synchronized void start() {
        running = true;
        worker = new Thread(this::followUntilStopped, "membership-topic");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
        }
    }

    /** Applies one event: the project's membership is now exactly the event's members. */
    void apply(ProjectMembersChanged event) {
        Map<String, ProjectRole> members = new HashMap<>();
        for (ProjectMember member : event.getMembers()) {
            members.put(member.getSubject(), ProjectRole.valueOf(member.getRole().name()));
        }
        membersByProject.put(event.getProjectId(), Map.copyOf(members));
    }

    private void followUntilStopped() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
            // A deserializer handed over as an instance is not configured by the consumer.
            values.configure(consumerConfig, false);
            try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values)) {
                follow(consumer);
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Cannot read {} now ({}); retrying in {} ms", TOPIC, e.getClass().getSimpleName(), backoff.toMillis());
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void follow(KafkaConsumer<String, Object> consumer) {
        List<TopicPartition> partitions = awaitPartitions(consumer);
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() instanceof ProjectMembersChanged event) {
                    apply(event);
                }
            }
            if (!caughtUp && endAtStart.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                caughtUp = true;
                log.info("Read the memberships of {} projects from {}", membersByProject.size(), TOPIC);
            }
        }
    }

    /** The topic's partitions; while it does not exist there is no membership to know, so this counts as caught up. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, Object> consumer) {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            }
            caughtUp = true;
            if (!pause(Duration.ofSeconds(1))) {
                break;
            }
        }
        return List.of();
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
