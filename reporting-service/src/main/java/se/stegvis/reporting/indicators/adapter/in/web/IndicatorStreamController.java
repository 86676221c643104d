package se.stegvis.reporting.indicators.adapter.in.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.service.web.ProblemResponses;

/**
 * Server-sent events: the suppressed cross-project view on connect, then again each time it changes; for anyone who
 * may see that view, within the stream's bounds.
 */
@RestController
class IndicatorStreamController {

    private static final String RETRY_AFTER_SECONDS = "30";

    private final IndicatorStream stream;

    IndicatorStreamController(IndicatorStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/indicators/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void stream(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        stream.connect(caller, request, response);
    }

    @ExceptionHandler(StreamsFull.class)
    ResponseEntity<ProblemDetail> full(StreamsFull full) {
        ResponseEntity<ProblemDetail> problem = full.perIdentity()
                ? ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                        "You have as many live streams open as one identity may; close one first", List.of())
                : ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "streams-full",
                        "The service has as many live streams open as it takes; try again later", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem.getBody());
    }
}
