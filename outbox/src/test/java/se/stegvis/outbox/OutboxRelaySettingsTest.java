package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.stegvis.schemas.serde.AvroSerdeConfig;

/** The registry's credentials reach the relay's serializer under Confluent's names, and no printout shows them. */
class OutboxRelaySettingsTest {

    private final OutboxRelaySettings settings = OutboxRelaySettings.of("kafka:9092", "http://registry:8081");

    @Test
    void without_user_info_the_serializer_sends_no_credentials() {
        assertThat(settings.withSchemaRegistryUserInfo("").producerConfig())
                .doesNotContainKeys(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, AvroSerdeConfig.BASIC_AUTH_USER_INFO);
        assertThat(settings.withSchemaRegistryUserInfo(null).producerConfig())
                .doesNotContainKey(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
    }

    @Test
    void with_user_info_both_keys_are_in_the_producer_config_and_the_secret_is_not_printed() {
        OutboxRelaySettings withCredentials = settings.withSchemaRegistryUserInfo("participant:s3cret-value");

        assertThat(withCredentials.producerConfig())
                .containsEntry(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")
                .containsEntry(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "participant:s3cret-value")
                .containsEntry(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081");
        assertThat(withCredentials.toString()).doesNotContain("s3cret-value").contains("[hidden]");
    }
}
