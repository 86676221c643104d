package se.stegvis.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import se.stegvis.service.command.Gone;
import se.stegvis.service.command.NotKnownYet;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void a_participant_not_known_yet_is_a_404_that_advises_a_retry() {
        ResponseEntity<ProblemDetail> answer = responses.notKnownYet(new NotKnownYet("participant", "0b6e1f9a"));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getType().toString()).endsWith("/not-known-yet");
        assertThat(answer.getBody().getDetail()).contains("0b6e1f9a", "retry");
    }

    @Test
    void an_erased_participant_is_a_410_without_retry_advice() {
        ResponseEntity<ProblemDetail> answer = responses.gone(new Gone("participant", "0b6e1f9a"));

        assertThat(answer.getStatusCode().value()).isEqualTo(410);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(answer.getBody().getType().toString()).endsWith("/gone");
    }

    @Test
    void a_store_that_does_not_answer_is_a_503_that_advises_a_retry_however_the_failure_is_wrapped() {
        for (Exception away : List.<Exception>of(new MongoTimeoutException("no server within 30000 ms"),
                new IllegalStateException("reading the checkpoint", new MongoSocketOpenException("refused", new ServerAddress())),
                new DataAccessResourceFailureException("timed out", new MongoTimeoutException("no server")))) {
            ResponseEntity<ProblemDetail> answer = responses.other(away);

            assertThat(answer.getStatusCode().value()).as(away.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getType().toString()).endsWith("/store-unavailable");
        }
        assertThat(responses.other(new IllegalStateException("a bug")).getStatusCode().value()).as("anything else").isEqualTo(500);
    }

    @Test
    void an_unexpected_failure_is_described_without_any_message_it_carries() {
        Exception failure = new IllegalStateException("could not map Testa Påhittad",
                new IllegalArgumentException("19980417-3210 is odd"));

        String described = ProblemResponses.withoutMessages(failure);

        assertThat(described).contains("java.lang.IllegalStateException", "caused by java.lang.IllegalArgumentException",
                "ProblemResponsesTest").doesNotContain("Testa", "Påhittad", "19980417");
    }
}
