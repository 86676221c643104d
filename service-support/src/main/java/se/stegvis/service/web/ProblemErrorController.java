package se.stegvis.service.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: what the servlet container refuses inside the application but before any endpoint (a TRACE, a path
 * into WEB-INF, an error raised in a filter) as problem+json, in place of Spring Boot's {@code {"timestamp", "error"}}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // A response already under way (a live stream whose client went away) has nothing left to say: writing a
            // problem into it would only fail, and log a failure of ours for a client that left.
            return null;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        ResponseEntity<ProblemDetail> answer = status == null || status.is5xxServerError()
                ? ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side", List.of())
                : ProblemResponses.problem(status, String.valueOf(status.value()),
                        "Refused before it reached an endpoint: " + status.getReasonPhrase(), List.of());
        answer.getBody().setInstance(requested(request));
        return answer;
    }

    /** The path the client asked for, not this error page's: Spring would otherwise name {@code /error}. */
    private static URI requested(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return new URI(null, null, path instanceof String text ? text : "/", null);
        } catch (URISyntaxException unusable) {
            return URI.create("/");
        }
    }
}
