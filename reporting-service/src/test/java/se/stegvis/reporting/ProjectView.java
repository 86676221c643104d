package se.stegvis.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import se.stegvis.testing.Http;

/** Reading one project's exact figures ({@code GET /api/projects/{projectId}/indicators}) in the ITs. */
final class ProjectView {

    private ProjectView() {
    }

    /** The project's view once it satisfies {@code until}, asked again until then (60 s at most: a loaded CI machine). */
    static JsonNode await(Http http, String projectId, Predicate<JsonNode> until) {
        return awaitAt(http, "/api/projects/" + projectId + "/indicators", until);
    }

    /** The JSON at {@code path} once it answers 200 and satisfies {@code until}, asked again until then (60 s at most). */
    static JsonNode awaitAt(Http http, String path, Predicate<JsonNode> until) {
        List<JsonNode> seen = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            Http.Reply reply = http.get(path);
            if (reply.status() != 200) {
                return false;
            }
            seen.add(0, reply.json());
            return until.test(seen.get(0));
        });
        return seen.get(0);
    }

    /** True when the view (or report) says its figures are final: {@code currency.state} is CURRENT. */
    static boolean current(JsonNode view) {
        return "CURRENT".equals(view.get("currency").get("state").asString());
    }

    /** The view's figures and everything else but how current they are: to compare views read at different times. */
    static JsonNode withoutCurrency(JsonNode view) {
        ObjectNode copy = (ObjectNode) view.deepCopy();
        copy.remove("currency");
        return copy;
    }

    static JsonNode indicator(JsonNode view, String code) {
        return named(view, "indicators", code);
    }

    static JsonNode target(JsonNode view, String code) {
        return named(view, "targets", code);
    }

    private static JsonNode named(JsonNode view, String list, String code) {
        for (JsonNode each : view.get(list)) {
            if (each.get("code").asString().equals(code)) {
                return each;
            }
        }
        throw new AssertionError("No " + list + " entry " + code + " in " + view);
    }
}
