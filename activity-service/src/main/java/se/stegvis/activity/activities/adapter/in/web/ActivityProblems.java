package se.stegvis.activity.activities.adapter.in.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.activity.activities.application.IdempotencyKeyReused;
import se.stegvis.service.command.Violation;
import se.stegvis.service.web.ProblemResponses;

/** The activity-specific answer: an Idempotency-Key sent again with another activity. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ActivityProblems {

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> reused(IdempotencyKeyReused e) {
        return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage(),
                List.of(new Violation("Idempotency-Key", "was first used for a different request")));
    }
}
