package se.stegvis.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.TopicReader;
import se.stegvis.testsupport.KafkaBrokerProcess;

/** With the broker really down, enrolments are still accepted, and their events go out, in order, when it is back. */
class ParticipantServiceKafkaDownIT {

    @Test
    void commands_accepted_while_kafka_is_down_are_published_when_it_returns() throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            try (RunningParticipantService service = RunningParticipantService.start("kafka-down-" + UUID.randomUUID(),
                    broker.bootstrapServers())) {
                Http http = service.staff("it-staff");
                awaitTopics(broker.bootstrapServers());
                broker.stop();

                List<String> accepted = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Http.Reply reply = http.post("/api/projects/23-079-S13/participants", InventedPeople.enrolment(
                            InventedPeople.identityNumber(LocalDate.of(2007, 3, 10 + i), 600 + i), "Nere", "Kafka" + (char) ('a' + i),
                            "NONE", "2025-05-0" + (i + 1), "YOUNG_PEOPLE_AT_RISK"), Map.of());
                    assertThat(reply.status()).isEqualTo(201);
                    accepted.add(reply.json().get("participantId").asText());
                }
                String first = accepted.get(0);
                assertThat(http.post("/api/participants/" + first + "/leave", "{\"leftOn\": \"2025-06-01\", \"reason\": \"COMPLETED\"}",
                        Map.of()).status()).isEqualTo(200);

                broker.start();

                List<TopicReader.Message> events = TopicReader.await(broker.bootstrapServers(), EventTopic.PARTICIPANTS.topicName(),
                        RunningParticipantService.registryUrl(),
                        messages -> messages.stream().filter(m -> accepted.contains(m.key())).count() == 4);
                assertThat(events.stream().filter(m -> first.equals(m.key())).map(m -> m.event().getClass().getSimpleName()))
                        .containsExactly("ParticipantEnrolled", "ParticipantLeft");
                assertThat(events.stream().map(TopicReader.Message::key).filter(accepted::contains).distinct()).hasSize(3);
            }
        }
    }

    private static void awaitTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get()
                    .containsAll(Set.of(EventTopic.PROJECTS.topicName(), EventTopic.PARTICIPANTS.topicName())));
        }
    }
}
