package se.stegvis.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import se.stegvis.schemas.registry.SchemaRegistryException;

/**
 * Only a record a function named, for its own fault, is ever set aside; everything else is waited for: a store
 * away, and any answer of the registry, "not found" included.
 */
class ConsumerPolicyTest {

    @Test
    void bytes_that_are_no_avro_and_an_event_the_store_refuses_are_the_records_fault() {
        assertThat(ConsumerPolicy.fault(named(undecodable(new SerializationException("Unknown magic byte!")))))
                .isEqualTo(ConsumerPolicy.Fault.RECORD);
        assertThat(ConsumerPolicy.fault(named(new EventNotApplicable("refused")))).isEqualTo(ConsumerPolicy.Fault.RECORD);
    }

    @Test
    void whatever_the_registry_answers_the_record_waits() {
        for (SchemaRegistryException answer : new SchemaRegistryException[] {
            new SchemaRegistryException(404, 40403, "Schema not found"),
            new SchemaRegistryException(503, 50003, "unavailable"),
            new SchemaRegistryException("no answer", new ConnectException())}) {
            assertThat(ConsumerPolicy.fault(named(undecodable(new SerializationException("could not deserialize", answer)))))
                    .as(answer.getMessage()).isEqualTo(ConsumerPolicy.Fault.SURROUNDINGS);
        }
    }

    @Test
    void a_failure_that_names_no_record_is_waited_for_even_when_it_looks_like_the_records_fault() {
        assertThat(ConsumerPolicy.fault(new ListenerExecutionFailedException("write failed", new IllegalStateException("Mongo away"))))
                .isEqualTo(ConsumerPolicy.Fault.SURROUNDINGS);
        assertThat(ConsumerPolicy.fault(new ListenerExecutionFailedException("not named", new EventNotApplicable("refused"))))
                .as("an EventNotApplicable from a bulk write says not which record: never set a whole batch aside")
                .isEqualTo(ConsumerPolicy.Fault.SURROUNDINGS);
    }

    @Test
    void the_wait_has_no_end() {
        var execution = ConsumerPolicy.waitWithoutEnd().start();
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
        }
        assertThat(last).isEqualTo(ConsumerPolicy.LONGEST_WAIT.toMillis());
    }

    private static ListenerExecutionFailedException named(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", new BatchListenerFailedException("record 3", cause, 3));
    }

    private static DeserializationException undecodable(Exception cause) {
        return new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 1}, false, cause);
    }
}
