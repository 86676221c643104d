package se.stegvis.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The error page answers with a problem while the response is still its own, and says nothing into a response that
 * is already under way (a live stream whose client went away), where a problem could not be written.
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController errorPage = new ProblemErrorController();
    private final HttpServletRequest failed = stub(HttpServletRequest.class, Map.of(
            "getAttribute:" + RequestDispatcher.ERROR_STATUS_CODE, 500,
            "getAttribute:" + RequestDispatcher.ERROR_REQUEST_URI, "/api/indicators/stream"));

    @Test
    void a_response_not_yet_committed_gets_a_problem_naming_the_path_asked_for() {
        ResponseEntity<ProblemDetail> answer = errorPage.error(failed, response(false));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getInstance()).hasToString("/api/indicators/stream");
    }

    @Test
    void a_response_already_committed_gets_nothing() {
        assertThat(errorPage.error(failed, response(true))).isNull();
    }

    private static HttpServletResponse response(boolean committed) {
        return stub(HttpServletResponse.class, Map.of("isCommitted", committed));
    }

    /** Answers each method (and {@code getAttribute} per name) with the value given, anything else with null. */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String key = args != null && args.length == 1 && args[0] instanceof String name ? method.getName() + ":" + name : method.getName();
            return answers.getOrDefault(key, answers.get(method.getName()));
        }));
    }
}
