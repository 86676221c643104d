package se.stegvis.access.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import se.stegvis.access.Memberships;
import se.stegvis.access.ProjectRole;
import se.stegvis.consumer.BatchApplication;
import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.EventBatch;
import se.stegvis.consumer.EventNotApplicable;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.schemas.EventTopic;

/**
 * Who works on which project, as the compacted memberships topic says: a batch function on Spring Cloud Stream's
 * Kafka binder, bound as {@value #BINDING} (settings in {@code stegvis-memberships.yml}, the consumer policy in
 * event-consumer's {@code stegvis-consumer.yml}). The binding is anonymous (a new consumer group at every start,
 * reading from the earliest offset), so every start reads the topic from its beginning and follows it from then on.
 * Each event is a project's whole membership, so the latest one per project is all there is to keep, in memory (a
 * few hundred members at most).
 *
 * <p>Until it has read up to the end of the topic, {@link #caughtUp()} is false and the service is not ready: until
 * then it could not tell a member from a stranger. A topic that does not exist yet means no memberships yet. What
 * fails is the consumer policy's: the registry, or Kafka, away is waited for, keeping what is known; a record that
 * is its own fault (bytes that are no Confluent Avro, a role no one knows) is set aside on the binding's dead-letter
 * topic, and, as every start reads the whole topic, set aside again at each start.
 */
public final class MembershipTopic implements Memberships, java.util.function.Consumer<Message<List<Object>>> {

    /** The function's bean name, as {@code stegvis.consumer.functions.memberships} names it. */
    public static final String NAME = "membershipTopic";
    public static final String BINDING = NAME + "-in-0";
    static final String TOPIC = EventTopic.MEMBERSHIPS.topicName();

    private static final Logger log = LoggerFactory.getLogger(MembershipTopic.class);
    /** How long an idle consumer without the topic's partitions may ask Kafka whether the topic exists. */
    private static final Duration TOPIC_LOOKUP = Duration.ofSeconds(5);

    /** A project's whole membership, as one event says it. */
    record ProjectMembership(String projectId, Map<String, ProjectRole> members) {
    }

    private final Map<String, Map<String, ProjectRole>> membersByProject = new ConcurrentHashMap<>();
    private final ConsumerProgress progress;
    private volatile boolean caughtUp;

    public MembershipTopic(ConsumerProgress progress) {
        this.progress = progress;
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

    /** Whether everything the topic held when this started has been read (or the topic does not exist yet). */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void accept(Message<List<Object>> message) {
        EventBatch batch = EventBatch.of(message);
        BatchApplication.apply(batch, MembershipTopic::membership, this::keep, progress);
        if (batch.consumer() != null) {
            measure(batch.consumer());
        }
    }

    /**
     * On the consumer's thread, after a batch or while it is idle: caught up once the consumer has come to the end
     * of every partition of the topic (from its last fetches, no broker call). A consumer without any of them asks
     * Kafka whether the topic exists: if not, there is nothing to read yet; if Kafka does not answer, it is not known.
     */
    void measure(Consumer<?, ?> consumer) {
        if (caughtUp) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment().stream().filter(partition -> partition.topic().equals(TOPIC))
                .collect(Collectors.toSet());
        if (assigned.isEmpty()) {
            try {
                if (consumer.partitionsFor(TOPIC, TOPIC_LOOKUP).isEmpty()) {
                    caughtUp("there is no topic " + TOPIC + " yet");
                }
            } catch (KafkaException unanswered) {
                // Kafka away (or not yet asked for the topic's partitions): the next idle moment asks again.
            }
            return;
        }
        if (assigned.stream().allMatch(partition -> consumer.currentLag(partition).orElse(-1) == 0)) {
            caughtUp("read the memberships of " + membersByProject.size() + " projects from " + TOPIC);
        }
    }

    private void caughtUp(String why) {
        caughtUp = true;
        log.info("Caught up with the memberships: {}", why);
    }

    /** The project's membership the event says; null for an event of another kind, passed over. */
    static ProjectMembership membership(SpecificRecord event) {
        if (!(event instanceof ProjectMembersChanged changed)) {
            return null;
        }
        Map<String, ProjectRole> members = new HashMap<>();
        for (ProjectMember member : changed.getMembers()) {
            try {
                members.put(member.getSubject(), ProjectRole.valueOf(member.getRole().name()));
            } catch (IllegalArgumentException unknownRole) {
                throw new EventNotApplicable("A role this service does not know: " + member.getRole().name(), unknownRole);
            }
        }
        return new ProjectMembership(changed.getProjectId(), Map.copyOf(members));
    }

    /** The projects' memberships are now exactly those given, the later one of a project the one kept. */
    private void keep(List<ProjectMembership> memberships) {
        memberships.forEach(membership -> membersByProject.put(membership.projectId(), membership.members()));
    }
}
