package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TopicReader;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.KafkaBrokerProcess;
import se.stegvis.testsupport.KafkaTopics;

/**
 * With the broker really down, activities are still recorded and retracted (the replica answers from MongoDB), and
 * their events go out, in order, when it is back.
 */
class ActivityServiceKafkaDownIT {

    private static final String PROJECT = "99-000-K01";

    @Test
    void commands_accepted_while_kafka_is_down_are_published_when_it_returns() throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            KafkaTopics.ensure(broker.bootstrapServers(), EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName(),
                    EventTopic.ACTIVITIES.topicName(), EventTopic.MEMBERSHIPS.topicName());
            try (RunningActivityService service = RunningActivityService.start("kafka-down-" + UUID.randomUUID(),
                    broker.bootstrapServers());
                    UpstreamEvents upstream = new UpstreamEvents(broker.bootstrapServers(), RunningActivityService.registryUrl())) {
                Http http = service.as("activity-it-staff");
                upstream.defineProject(PROJECT, project -> project.setActivityTypes(List.of("OUTREACH_CONTACT")));
                upstream.members(PROJECT, java.util.Map.of("activity-it-staff", "STAFF"));
                service.awaitStaff("activity-it-staff", PROJECT);
                UUID participant = upstream.enrol(PROJECT, LocalDate.of(2025, 4, 1));
                service.awaitParticipant(participant, p -> true);
                broker.stop();

                List<String> recorded = new ArrayList<>();
                for (int day = 2; day <= 4; day++) {
                    Http.Reply reply = http.post("/api/participants/" + participant + "/activities",
                            "{\"type\": \"OUTREACH_CONTACT\", \"date\": \"2025-04-0" + day + "\", \"hours\": 0.5}");
                    assertThat(reply.status()).isEqualTo(201);
                    recorded.add(reply.json().get("activityId").asText());
                }
                assertThat(http.delete("/api/activities/" + recorded.get(0)).status()).isEqualTo(204);

                broker.start();

                List<TopicReader.Message> events = TopicReader.await(broker.bootstrapServers(), EventTopic.ACTIVITIES.topicName(),
                        RunningActivityService.registryUrl(), messages -> messages.size() == 4);
                assertThat(events).allSatisfy(m -> assertThat(m.key()).isEqualTo(participant.toString()));
                assertThat(events).extracting(m -> m.event().getClass().getSimpleName()).containsExactlyInAnyOrder(
                        "ActivityRecorded", "ActivityRecorded", "ActivityRecorded", "ActivityRetracted");
            }
        }
    }
}
