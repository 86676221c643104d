package se.stegvis.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import se.stegvis.schemas.EventTopic;
import se.stegvis.testsupport.KafkaBrokerProcess;
import se.stegvis.testsupport.SharedKafka;

/**
 * On a real broker: the event topics a service writes are created to keep every event, and a service refuses to
 * start where an existing event topic would delete events, saying what to change; once changed, it starts. One that
 * started while Kafka was away stops itself once Kafka answers with such a topic.
 */
class EventTopicDeclarationIT {

    private final String bootstrap = SharedKafka.bootstrapServers();

    @Test
    void written_topics_are_created_to_keep_every_event_and_a_topic_kept_for_seven_days_refuses_the_start_until_changed() throws Exception {
        AtomicBoolean refusedLater = new AtomicBoolean();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // Made as a broker would make it on its own: Kafka's default retention, 7 days.
            admin.createTopics(List.of(new NewTopic(EventTopic.OUTCOMES.topicName(), 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
            // The broker's metadata follows the controller's: the topic exists once a listing shows it.
            await("the topic listed").atMost(Duration.ofSeconds(30))
                    .until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(EventTopic.OUTCOMES.topicName()));
            EventTopicDeclaration declaration = new EventTopicDeclaration(bootstrap, 3, (short) 1,
                    List.of(EventTopic.ACTIVITIES, EventTopic.PROJECTS), (exitCode, reason) -> refusedLater.set(true));

            assertThatThrownBy(declaration::start).isInstanceOf(EventTopicDeclaration.EventsWouldBeDeleted.class)
                    .hasMessageContaining(EventTopic.OUTCOMES.topicName()).hasMessageContaining("retention.ms=604800000")
                    .hasMessageContaining("kafka-configs.sh --bootstrap-server " + bootstrap
                            + " --alter --entity-type topics --entity-name " + EventTopic.OUTCOMES.topicName()
                            + " --add-config retention.ms=-1,retention.bytes=-1");

            Map<String, Config> created = configs(admin, List.of(EventTopic.ACTIVITIES.topicName(), EventTopic.PROJECTS.topicName()));
            assertThat(created.get(EventTopic.ACTIVITIES.topicName()).get("retention.ms").value()).isEqualTo("-1");
            assertThat(created.get(EventTopic.ACTIVITIES.topicName()).get("retention.bytes").value()).isEqualTo("-1");
            assertThat(created.get(EventTopic.PROJECTS.topicName()).get("cleanup.policy").value()).isEqualTo("compact");

            ConfigResource outcomes = new ConfigResource(ConfigResource.Type.TOPIC, EventTopic.OUTCOMES.topicName());
            admin.incrementalAlterConfigs(Map.of(outcomes, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("retention.bytes", "-1"), AlterConfigOp.OpType.SET)))).all().get(10, TimeUnit.SECONDS);
            await("the change seen").atMost(Duration.ofSeconds(30)).until(() -> "-1".equals(
                    configs(admin, List.of(EventTopic.OUTCOMES.topicName())).get(EventTopic.OUTCOMES.topicName()).get("retention.ms").value()));

            declaration.start();
            declaration.stop();
            assertThat(refusedLater).as("refused at start, not later").isFalse();
        }
    }

    @Test
    void a_service_that_started_while_kafka_was_away_stops_itself_with_78_once_kafka_answers_with_a_topic_that_deletes_events() {
        try (KafkaBrokerProcess kafka = new KafkaBrokerProcess()) {
            // A topic made as a broker would make it on its own (Kafka's default retention, 7 days), on a broker that is
            // then away while the service starts.
            kafka.start();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(EventTopic.PARTICIPANTS.topicName(), 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            kafka.stop();
            List<Stopped> stops = new CopyOnWriteArrayList<>();
            EventTopicDeclaration declaration = new EventTopicDeclaration(kafka.bootstrapServers(), 3, (short) 1,
                    List.of(EventTopic.ACTIVITIES), (exitCode, reason) -> stops.add(new Stopped(exitCode, reason)));

            declaration.start();
            assertThat(stops).as("started while Kafka is away").isEmpty();
            kafka.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> !stops.isEmpty());
            declaration.stop();
            assertThat(stops).singleElement().satisfies(stopped -> {
                assertThat(stopped.exitCode()).isEqualTo(78);
                assertThat(stopped.reason()).contains(EventTopic.PARTICIPANTS.topicName() + " deletes events", "retention.ms=604800000",
                        "kafka-configs.sh --bootstrap-server " + kafka.bootstrapServers() + " --alter --entity-type topics --entity-name "
                                + EventTopic.PARTICIPANTS.topicName() + " --add-config retention.ms=-1,retention.bytes=-1");
            });
        }
    }

    private record Stopped(int exitCode, String reason) {
    }

    private static Map<String, Config> configs(Admin admin, Collection<String> topics) throws Exception {
        Map<String, Config> byName = new java.util.HashMap<>();
        admin.describeConfigs(topics.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all()
                .get(10, TimeUnit.SECONDS).forEach((resource, config) -> byName.put(resource.name(), config));
        return byName;
    }
}
