package se.stegvis.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
    void an_unexpected_failure_is_described_without_any_message_it_carries() {
        Exception failure = new IllegalStateException("could not map Testa Påhittad",
                new IllegalArgumentException("19980417-3210 is odd"));

        String described = ProblemResponses.withoutMessages(failure);

        assertThat(described).contains("java.lang.IllegalStateException", "caused by java.lang.IllegalArgumentException",
                "ProblemResponsesTest").doesNotContain("Testa", "Påhittad", "19980417");
    }
}
