package se.stegvis.reporting.indicators.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class ProjectionSettingsTest {

    private final ProjectionSettings settings = ProjectionSettings.of("kafka:9092", "http://registry:8081", "reporting");

    @Test
    void offsets_are_committed_by_the_projection_and_a_new_group_starts_at_the_beginning() {
        assertThat(settings.consumerConfig()).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "reporting");
    }

    @Test
    void a_crashed_member_is_given_up_after_10_s_and_an_instance_id_makes_the_member_static() {
        assertThat(settings.consumerConfig()).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(settings.withInstanceId(" reporting-service-1 ").consumerConfig())
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "reporting-service-1");
        assertThat(settings.withInstanceId("").consumerConfig()).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void registry_credentials_go_to_the_deserializer_under_confluents_names_and_never_into_a_printout() {
        assertThat(settings.consumerConfig()).doesNotContainKeys("basic.auth.credentials.source", "basic.auth.user.info");
        ProjectionSettings withCredentials = settings.withSchemaRegistryUserInfo("reporting:s3cret-value");

        assertThat(withCredentials.consumerConfig()).containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "reporting:s3cret-value");
        assertThat(withCredentials.toString()).doesNotContain("s3cret-value");
        assertThat(settings.withSchemaRegistryUserInfo(" ").consumerConfig()).doesNotContainKey("basic.auth.user.info");
    }
}
