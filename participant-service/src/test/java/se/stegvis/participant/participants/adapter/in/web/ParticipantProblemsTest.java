package se.stegvis.participant.participants.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import se.stegvis.participant.participants.application.ParticipantChangedConcurrently;

class ParticipantProblemsTest {

    @Test
    void a_change_that_lost_a_race_to_another_change_is_a_409_problem_without_a_field() {
        ResponseEntity<ProblemDetail> answer = new ParticipantProblems()
                .changedConcurrently(new ParticipantChangedConcurrently(UUID.randomUUID()));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).isEqualTo("https://stegvis.se/problems/changed-concurrently");
        assertThat(answer.getBody().getProperties() == null || !answer.getBody().getProperties().containsKey("field")).isTrue();
    }
}
