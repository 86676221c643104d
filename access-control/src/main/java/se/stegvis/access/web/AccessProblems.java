package se.stegvis.access.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.access.Refused;
import se.stegvis.service.web.ProblemResponses;

/** A use case's refusal as a 403 problem; it names the action, never the data. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblems {

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this: " + e.action(), List.of());
    }
}
