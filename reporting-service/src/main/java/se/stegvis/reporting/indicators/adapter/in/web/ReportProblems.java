package se.stegvis.reporting.indicators.adapter.in.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.reporting.indicators.application.FiguresNotFinal;
import se.stegvis.reporting.indicators.application.ReportAlreadySubmitted;
import se.stegvis.service.web.ProblemResponses;

/** The report-specific answers: a report submitted before, and a submission while the figures are not final. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportProblems {

    @ExceptionHandler(ReportAlreadySubmitted.class)
    ResponseEntity<ProblemDetail> alreadySubmitted(ReportAlreadySubmitted e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "already-submitted", e.getMessage(), List.of());
    }

    /** Nothing in the request is at fault: the same submission succeeds once the figures are current again. */
    @ExceptionHandler(FiguresNotFinal.class)
    ResponseEntity<ProblemDetail> notFinal(FiguresNotFinal e) {
        ResponseEntity<ProblemDetail> answer = ProblemResponses.problem(HttpStatus.CONFLICT, "figures-not-final", e.getMessage(),
                List.of());
        answer.getBody().setProperty("currency", e.currency().state().name());
        return answer;
    }
}
