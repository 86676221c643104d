package se.stegvis.access.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import se.stegvis.access.ProjectRole;
import se.stegvis.consumer.BinderBatches;
import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.schemas.SampleEvents;

/** The memberships reader's function on batches as the binder hands them over, on a consumer that stands where a real one would. */
class MembershipTopicTest {

    private static final String GROUP = "anonymous.memberships-test";
    private static final TopicPartition MEMBERSHIPS = new TopicPartition(MembershipTopic.TOPIC, 0);

    private final ConsumerProgress progress = new ConsumerProgress(null);
    private final MembershipTopic memberships = new MembershipTopic(progress);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void each_event_is_a_projects_whole_membership_and_the_later_one_is_kept() {
        consumer.assign(List.of(MEMBERSHIPS));
        consumer.updateEndOffsets(Map.of(MEMBERSHIPS, 10L));
        consumer.seek(MEMBERSHIPS, 3);

        memberships.accept(BinderBatches.polled(GROUP, consumer, MEMBERSHIPS, 0,
                changed("99-001-A01", "staff-1", "STAFF", "owner-1", "OWNER"), SampleEvents.projectDefined(),
                changed("99-002-A01", "staff-1", "OWNER")));
        memberships.accept(BinderBatches.polled(GROUP, consumer, MEMBERSHIPS, 3, changed("99-001-A01", "owner-1", "OWNER")));

        assertThat(memberships.of("staff-1")).isEqualTo(Map.of("99-002-A01", ProjectRole.OWNER));
        assertThat(memberships.of("owner-1")).isEqualTo(Map.of("99-001-A01", ProjectRole.OWNER));
        assertThat(memberships.of("stranger")).isEmpty();
        assertThat(progress.appliedCount(GROUP)).as("the project definition passed over").isEqualTo(3);
    }

    @Test
    void caught_up_once_the_consumer_has_come_to_the_end_of_the_topic() {
        consumer.assign(List.of(MEMBERSHIPS));
        consumer.updateEndOffsets(Map.of(MEMBERSHIPS, 2L));
        consumer.seek(MEMBERSHIPS, 1);

        memberships.accept(BinderBatches.polled(GROUP, consumer, MEMBERSHIPS, 0, changed("99-001-A01", "staff-1", "STAFF")));
        assertThat(memberships.caughtUp()).as("one record still to come").isFalse();

        consumer.seek(MEMBERSHIPS, 2);
        memberships.measure(consumer);
        assertThat(memberships.caughtUp()).isTrue();
    }

    @Test
    void a_topic_that_does_not_exist_yet_means_no_memberships_yet_but_kafka_away_means_not_known() {
        MockConsumer<byte[], byte[]> away = new MockConsumer<>("earliest") {
            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
                throw new TimeoutException("Kafka away");
            }
        };
        memberships.measure(away);
        assertThat(memberships.caughtUp()).isFalse();

        consumer.updatePartitions("stegvis.projects.v1", List.of(new PartitionInfo("stegvis.projects.v1", 0, null, null, null)));
        memberships.measure(consumer);
        assertThat(memberships.caughtUp()).isTrue();
    }

    @Test
    void a_topic_that_exists_but_is_not_assigned_yet_is_waited_for() {
        consumer.updatePartitions(MembershipTopic.TOPIC, List.of(new PartitionInfo(MembershipTopic.TOPIC, 0, null, null, null)));

        memberships.measure(consumer);

        assertThat(memberships.caughtUp()).isFalse();
    }

    @Test
    void a_record_that_cannot_be_decoded_is_named_after_the_memberships_before_it_were_kept() {
        consumer.assign(List.of(MEMBERSHIPS));
        consumer.updateEndOffsets(Map.of(MEMBERSHIPS, 2L));

        assertThatThrownBy(() -> memberships.accept(BinderBatches.polled(GROUP, consumer, MEMBERSHIPS, 0,
                changed("99-001-A01", "staff-1", "STAFF"), new DeserializationException("not avro", new byte[] {1}, false, null))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, named -> assertThat(named.getIndex()).isEqualTo(1));

        assertThat(memberships.of("staff-1")).containsEntry("99-001-A01", ProjectRole.STAFF);
        assertThat(memberships.caughtUp()).isFalse();
    }

    /** The project's whole membership: subject and role, in pairs. */
    private static ProjectMembersChanged changed(String projectId, String... subjectsAndRoles) {
        List<ProjectMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < subjectsAndRoles.length; i += 2) {
            members.add(new ProjectMember(subjectsAndRoles[i], se.stegvis.events.ProjectRole.valueOf(subjectsAndRoles[i + 1])));
        }
        return new ProjectMembersChanged(UUID.randomUUID(), Instant.parse("2025-03-01T09:30:00Z"), projectId, members);
    }
}
