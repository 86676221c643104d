package se.stegvis.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import se.stegvis.schemas.registry.SchemaRegistryException;

class DecodeFailureTest {

    @Test
    void a_registry_that_gives_no_answer_or_a_server_error_is_unavailable_and_the_record_waits() {
        assertThat(DecodeFailure.registryUnavailable(failure(new SchemaRegistryException("no answer", new ConnectException()))))
                .isTrue();
        assertThat(DecodeFailure.registryUnavailable(failure(new SchemaRegistryException(503, 50003, "unavailable")))).isTrue();
    }

    @Test
    void an_unknown_schema_id_or_bytes_that_are_no_avro_are_the_records_fault() {
        assertThat(DecodeFailure.registryUnavailable(failure(new SchemaRegistryException(404, 40403, "Schema not found"))))
                .isFalse();
        assertThat(DecodeFailure.registryUnavailable(failure(new SerializationException("Unknown magic byte!")))).isFalse();
    }

    @Test
    void for_a_consumer_that_must_lose_nothing_every_registry_answer_is_the_registrys_fault_and_only_bad_bytes_are_the_records() {
        assertThat(DecodeFailure.registryAtFault(failure(new SchemaRegistryException(404, 40403, "Schema not found")))).isTrue();
        assertThat(DecodeFailure.registryAtFault(failure(new SchemaRegistryException(401, 401, "Unauthorized")))).isTrue();
        assertThat(DecodeFailure.registryAtFault(failure(new SchemaRegistryException("no answer", new ConnectException())))).isTrue();
        assertThat(DecodeFailure.registryAtFault(failure(new SerializationException("Unknown magic byte!")))).isFalse();
    }

    @Test
    void a_failure_is_described_by_its_classes_without_any_message() {
        String described = DecodeFailure.classes(failure(new SerializationException("bytes: Alex Example")));

        assertThat(described).isEqualTo(RecordDeserializationException.class.getName() + " <- "
                + SerializationException.class.getName() + " <- " + SerializationException.class.getName())
                .doesNotContain("Alex");
    }

    private static RecordDeserializationException failure(Exception cause) {
        return new RecordDeserializationException(new TopicPartition("stegvis.participants.v1", 0), 7, "could not deserialize",
                new SerializationException("Could not deserialize a message", cause));
    }
}
