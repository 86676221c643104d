package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import se.stegvis.schemas.serde.AvroSerdeConfig;

class ReplicaSettingsTest {

    private final ReplicaSettings settings = ReplicaSettings.of("kafka:9092", "http://registry:8081", "activity-replica");

    @Test
    void the_consumer_never_commits_by_itself_starts_at_the_beginning_and_reads_the_generated_classes_whatever_is_configured() {
        Map<String, Object> config = settings.withConsumerProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true)
                .withConsumerProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .withConsumerProperty(AvroSerdeConfig.SPECIFIC_AVRO_READER, false).consumerConfig();

        assertThat(config).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    }

    @Test
    void the_addresses_and_the_group_are_passed_on_and_other_defaults_may_be_overridden() {
        Map<String, Object> config = settings.withConsumerProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50).consumerConfig();

        assertThat(config).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "activity-replica")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
    }

    @Test
    void a_crashed_member_is_given_up_after_10_s_and_an_instance_id_makes_the_member_static() {
        assertThat(settings.consumerConfig()).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(settings.withInstanceId(" activity-service-1 ").consumerConfig())
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "activity-service-1");
        assertThat(settings.withInstanceId(" ").consumerConfig()).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void the_back_off_doubles_after_each_failure_up_to_its_ceiling() {
        ReplicaSettings backingOff = settings.withBackoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backingOff.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backingOff.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backingOff.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backingOff.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(backingOff.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void settings_without_a_group_are_refused_since_offsets_are_committed_to_one() {
        assertThatThrownBy(() -> new ReplicaSettings(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092"),
                Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.id");
    }

    @Test
    void registry_credentials_reach_the_deserializer_and_stay_out_of_a_printout() {
        ReplicaSettings settings = ReplicaSettings.of("kafka:9092", "http://registry:8081", "replica");

        assertThat(settings.withSchemaRegistryUserInfo("  ").consumerConfig())
                .doesNotContainKey(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
        ReplicaSettings withCredentials = settings.withSchemaRegistryUserInfo("activity:s3cret-value");
        assertThat(withCredentials.consumerConfig())
                .containsEntry(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")
                .containsEntry(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "activity:s3cret-value");
        assertThat(withCredentials.toString()).doesNotContain("s3cret-value");
    }
}
