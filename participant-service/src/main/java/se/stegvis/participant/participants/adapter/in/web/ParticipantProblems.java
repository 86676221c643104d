package se.stegvis.participant.participants.adapter.in.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.participant.participants.application.AlreadyEnrolled;
import se.stegvis.participant.participants.application.IdempotencyKeyReused;
import se.stegvis.participant.participants.application.ParticipantChangedConcurrently;
import se.stegvis.participant.participants.application.ParticipantErased;
import se.stegvis.service.command.Violation;
import se.stegvis.service.web.ProblemResponses;

/**
 * The participant-specific answers: a duplicate enrolment, a reused Idempotency-Key, an erased participant, a change
 * that lost a race to another change.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ParticipantProblems {

    @ExceptionHandler(AlreadyEnrolled.class)
    ResponseEntity<ProblemDetail> duplicate(AlreadyEnrolled e) {
        ResponseEntity<ProblemDetail> answer = ProblemResponses.problem(HttpStatus.CONFLICT, "already-enrolled",
                "This person is already a participant of the project", List.of(new Violation("/person/personalIdentityNumber",
                        "is already enrolled in this project")));
        answer.getBody().setProperty("participantId", e.existingParticipantId().toString());
        return answer;
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> reused(IdempotencyKeyReused e) {
        return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage(),
                List.of(new Violation("Idempotency-Key", "was first used for a different request")));
    }

    @ExceptionHandler(ParticipantErased.class)
    ResponseEntity<ProblemDetail> gone(ParticipantErased e) {
        return ProblemResponses.problem(HttpStatus.GONE, "erased", "This participant's personal data was erased", List.of());
    }

    /** Nothing in the request was at fault, so no field: the participant moved on under it. */
    @ExceptionHandler(ParticipantChangedConcurrently.class)
    ResponseEntity<ProblemDetail> changedConcurrently(ParticipantChangedConcurrently e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "changed-concurrently", e.getMessage(), List.of());
    }
}
