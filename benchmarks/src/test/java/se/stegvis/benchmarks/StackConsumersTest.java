package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The measurements and the seeding's next pass wait until the stack has caught up: what counts as behind. */
class StackConsumersTest {

    private static final String PARTICIPANTS = "stegvis.participants.v1";
    private static final String ACTIVITIES = "stegvis.activities.v1";
    private static final Map<TopicPartition, Long> END = Map.of(new TopicPartition(PARTICIPANTS, 0), 40L,
            new TopicPartition(PARTICIPANTS, 1), 60L, new TopicPartition(ACTIVITIES, 0), 7L);

    @Test
    void nothingIsBehindWhenEveryEventIsOnItsTopicAndEveryGroupCommittedTheEnd() {
        Map<String, Map<TopicPartition, Long>> committed = Map.of(
                "outcome-service.replica", Map.of(new TopicPartition(PARTICIPANTS, 0), 40L, new TopicPartition(PARTICIPANTS, 1), 60L),
                "reporting-service.projection", Map.of(new TopicPartition(PARTICIPANTS, 0), 40L, new TopicPartition(PARTICIPANTS, 1), 60L,
                        new TopicPartition(ACTIVITIES, 0), 7L));

        assertThat(StackConsumers.behind(END, committed, Map.of(PARTICIPANTS, 100L, ACTIVITIES, 7L))).isEmpty();
    }

    @Test
    void eventsStillInAnOutboxAreBehind() {
        assertThat(StackConsumers.behind(END, Map.of(), Map.of(PARTICIPANTS, 101L)))
                .containsExactly("stegvis.participants.v1 holds 100 of the 101 events published");
    }

    @Test
    void aGroupIsBehindUntilItCommittedTheEndOfEveryPartitionItReadsFetchingIsNotEnough() {
        Map<String, Map<TopicPartition, Long>> committed = Map.of(
                "activity-service.replica", Map.of(new TopicPartition(PARTICIPANTS, 0), 40L, new TopicPartition(PARTICIPANTS, 1), 55L),
                "reporting-service.projection", Map.of(new TopicPartition(PARTICIPANTS, 1), 60L, new TopicPartition(ACTIVITIES, 0), 7L));

        assertThat(StackConsumers.behind(END, committed, Map.of())).containsExactlyInAnyOrder(
                "group activity-service.replica has 5 events of stegvis.participants.v1 to apply",
                "group reporting-service.projection has 40 events of stegvis.participants.v1 to apply");
    }

    @Test
    void theBenchmarksOwnGroupsAreNotTheStacks() {
        Map<String, Map<TopicPartition, Long>> committed = Map.of(
                "outcome-service.catch-up-1-1733570000000.replica", Map.of(new TopicPartition(PARTICIPANTS, 0), 3L),
                "replay-benchmark-raw-0-123", Map.of(new TopicPartition(ACTIVITIES, 0), 1L));

        assertThat(StackConsumers.behind(END, committed, Map.of())).isEmpty();
    }

    @Test
    void aWaitingConsumerIsBehind() {
        PrometheusText metrics = PrometheusText.parse("""
                stegvis_consumer_waiting{group="a"} 0.0
                stegvis_consumer_waiting{group="c"} 1.0
                """);

        assertThat(StackConsumers.waiting("outcome-service", metrics)).containsExactly("outcome-service: group c waits");
    }
}
