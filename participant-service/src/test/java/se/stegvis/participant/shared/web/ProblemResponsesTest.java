package se.stegvis.participant.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void an_unexpected_failure_is_described_without_any_message_it_carries() {
        Exception failure = new IllegalStateException("could not map Testa Påhittad",
                new IllegalArgumentException("19980417-3210 is odd"));

        String described = ProblemResponses.withoutMessages(failure);

        assertThat(described).contains("java.lang.IllegalStateException", "caused by java.lang.IllegalArgumentException",
                "ProblemResponsesTest").doesNotContain("Testa", "Påhittad", "19980417");
    }
}
