package se.stegvis.outcome.outcomes.adapter.in.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.outcome.outcomes.application.IdempotencyKeyReused;
import se.stegvis.service.command.Violation;
import se.stegvis.service.web.ProblemResponses;

/** The outcome-specific answer: an Idempotency-Key sent again with another outcome. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OutcomeProblems {

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> reused(IdempotencyKeyReused e) {
        return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage(),
                List.of(new Violation("Idempotency-Key", "was first used for a different request")));
    }
}
