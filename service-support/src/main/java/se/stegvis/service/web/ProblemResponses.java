package se.stegvis.service.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import se.stegvis.service.command.Gone;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.NotFound;
import se.stegvis.service.command.NotKnownYet;
import se.stegvis.service.command.Violation;

/**
 * Every error as RFC 9457 problem+json. A rejected request names each field at fault in {@code errors} (JSON
 * pointers into the body, as RFC 9457's own example does) and in {@code field} (the first). Bad input is a 4xx,
 * never a 500; an unexpected failure is a 500 that says nothing about the data. What never reaches an endpoint is
 * answered the same way by {@link ProblemErrorController} and {@link TomcatProblemAnswers}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
@Import({ProblemErrorController.class, TomcatProblemAnswers.class, StrictJsonTypes.class, RequestBodyLimit.class})
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    public static final String TYPES = "https://stegvis.se/problems/";
    static final String STORE_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidCommand.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCommand e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request breaks " + e.violations().size() + " rule(s)",
                e.violations());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No " + e.kind() + " with id " + e.id(), List.of());
    }

    /** Retry advice for the moments between an enrolment and its arrival here through Kafka. */
    @ExceptionHandler(NotKnownYet.class)
    ResponseEntity<ProblemDetail> notKnownYet(NotKnownYet e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.NOT_FOUND, "not-known-yet", "No " + e.kind() + " with id " + e.id()
                + " is known here yet. A new " + e.kind() + " reaches this service within moments: retry after the "
                + "Retry-After seconds; if it still is not known, the id is wrong.", List.of());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1").body(answer.getBody());
    }

    @ExceptionHandler(Gone.class)
    ResponseEntity<ProblemDetail> gone(Gone e) {
        return problem(HttpStatus.GONE, "gone", "The " + e.kind() + " with id " + e.id() + " is gone for good", List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The body is larger than this service takes",
                        List.of(new Violation("", "is larger than " + RequestBodyLimit.MAX_BYTES + " bytes")));
            }
        }
        Violation violation = UnreadableBody.violation(e);
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The body is not the JSON this endpoint takes", List.of(violation));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathOrQuery(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "A path or query parameter is malformed",
                List.of(new Violation(e.getName(), "is not a valid " + e.getRequiredType().getSimpleName())));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "A header is missing",
                List.of(new Violation(e.getHeaderName(), "is required")));
    }

    /**
     * Spring's own answers (405, 406, 415, 404 for unknown paths, ...) keep their status; a store that does not answer
     * (MongoDB unreachable or timing out, however wrapped) is a 503 with {@code Retry-After}, as the request may
     * succeed once it is back; anything else is a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            ProblemDetail body = framework.getBody();
            body.setType(URI.create(TYPES + framework.getStatusCode().value()));
            return ResponseEntity.status(framework.getStatusCode()).headers(framework.getHeaders()).body(body);
        }
        if (storeAway(e)) {
            log.warn("The store did not answer: {}", withoutMessages(e));
            ResponseEntity<ProblemDetail> away = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "The service's store does not answer at the moment; try again shortly", List.of());
            return ResponseEntity.status(away.getStatusCode()).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
                    .body(away.getBody());
        }
        log.error("Unexpected failure: {}", withoutMessages(e));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side", List.of());
    }

    /**
     * The exception's classes and where they were thrown, without their messages: a message may quote a value from
     * the request, and in this service a value may be a protected person's name.
     */
    /** The failure, or one of its causes, is the store's driver or Spring Data saying the store cannot be reached. */
    static boolean storeAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    static String withoutMessages(Throwable failure) {
        StringBuilder described = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            described.append(described.length() == 0 ? "" : " caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(5, frames.length); i++) {
                described.append("\n\tat ").append(frames[i]);
            }
        }
        return described.toString();
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, List<Violation> violations) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPES + type));
        if (!violations.isEmpty()) {
            body.setProperty("field", violations.get(0).pointer());
            body.setProperty("errors", violations.stream()
                    .map(v -> Map.of("pointer", v.pointer(), "detail", v.message())).toList());
        }
        return ResponseEntity.status(status).body(body);
    }
}
