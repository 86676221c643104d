package se.stegvis.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.KafkaBrokerProcess;
import se.stegvis.testsupport.KafkaTopics;

/**
 * With the broker really down, outcomes are still recorded and retracted, and their events go out when it is back,
 * each outcome's in order.
 */
class OutcomeServiceKafkaDownIT {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void commands_accepted_while_kafka_is_down_are_published_when_it_returns() {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            KafkaTopics.ensure(broker.bootstrapServers(), EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName(),
                    EventTopic.OUTCOMES.topicName(), EventTopic.MEMBERSHIPS.topicName());
            Clock today = Clock.fixed(LocalDate.of(2025, 9, 15).atTime(10, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
            try (RunningOutcomeService service = RunningOutcomeService.start("kafka-down-" + UUID.randomUUID(),
                    broker.bootstrapServers(), today);
                    ParticipantServiceStandIn upstream = new ParticipantServiceStandIn(broker.bootstrapServers(),
                            RunningOutcomeService.registryUrl())) {
                Http http = service.as(ParticipantServiceStandIn.STAFF);
                String project = upstream.project(FollowUpPoint.UPON_LEAVING, FollowUpPoint.MONTHS_6);
                service.awaitStaff(ParticipantServiceStandIn.STAFF, project);
                UUID participant = upstream.left(project, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 9, 1));
                service.awaitProject(http, project);
                service.awaitReplicated(http, participant);
                broker.stop();

                String path = "/api/participants/" + participant + "/outcomes";
                Http.Reply first = http.post(path, "{\"type\": \"JOB_SEARCHING\", \"date\": \"2025-09-02\"}", Map.of());
                Http.Reply second = http.post(path, "{\"type\": \"EMPLOYED\", \"date\": \"2025-09-10\"}", Map.of());
                assertThat(first.status()).isEqualTo(201);
                assertThat(second.status()).isEqualTo(201);
                assertThat(http.send("DELETE", "/api/outcomes/" + first.json().get("outcomeId").asText(), null, Map.of()).status())
                        .isEqualTo(204);

                broker.start();

                List<TopicReader.Message> events = TopicReader.await(broker.bootstrapServers(), EventTopic.OUTCOMES.topicName(),
                        RunningOutcomeService.registryUrl(),
                        messages -> messages.stream().filter(m -> participant.toString().equals(m.key())).count() == 3);
                String retractedId = first.json().get("outcomeId").asText();
                assertThat(events.stream().filter(m -> participant.toString().equals(m.key())).map(TopicReader.Message::event)
                        .filter(e -> retractedId.equals(outcomeIdOf(e))).map(e -> e.getClass().getSimpleName()))
                        .containsExactly("OutcomeRecorded", "OutcomeRetracted");
                assertThat(events.stream().map(TopicReader.Message::event).filter(OutcomeRecorded.class::isInstance)
                        .map(e -> ((OutcomeRecorded) e).getFollowUp())).containsOnly(FollowUpPoint.UPON_LEAVING);
            }
        }
    }

    /** Order is kept per outcome (one document, one outbox), not across a participant's outcomes: see the README. */
    private static String outcomeIdOf(Object event) {
        return event instanceof OutcomeRecorded recorded ? recorded.getOutcomeId().toString()
                : ((OutcomeRetracted) event).getOutcomeId().toString();
    }
}
