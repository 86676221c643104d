package se.stegvis.localstack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** reporting-service's answer for one project, printed the way {@link ExpectedFigures} prints its figures. */
final class ReportedFigures {

    private ReportedFigures() {
    }

    static Map<String, String> indicators(JsonNode view) {
        Map<String, String> figures = new TreeMap<>();
        for (JsonNode indicator : view.path("indicators")) {
            figures.put(indicator.path("code").asString(), indicator.path("total").asString() + " " + byGender(indicator.path("byGender")));
        }
        return figures;
    }

    static Map<String, String> targets(JsonNode view) {
        Map<String, String> figures = new TreeMap<>();
        for (JsonNode target : view.path("targets")) {
            JsonNode actual = target.path("actual");
            JsonNode shares = target.path("actualShares");
            figures.put(target.path("code").asString(), target.path("target").asInt() + " " + target.path("unit").asString()
                    + " actual " + (actual.isNull() ? "null" : ExpectedFigures.plain(actual.decimalValue()))
                    + " counted " + target.path("counted").asInt() + " " + byGender(target.path("byGender"))
                    + " shares " + (shares.isNull() || shares.isMissingNode() ? "-" : ExpectedFigures.GENDERS.stream()
                            .map(g -> g + "=" + ExpectedFigures.plain(shares.path(g).decimalValue())).collect(Collectors.joining(", "))));
        }
        return figures;
    }

    /** {@code {WOMAN=5, MAN=7, NON_BINARY=0, NOT_STATED=0}}, in that order whatever the JSON's. */
    private static String byGender(JsonNode byGender) {
        List<String> cells = ExpectedFigures.GENDERS.stream().map(g -> g + "=" + byGender.path(g).asString()).toList();
        return "{" + String.join(", ", cells) + "}";
    }
}
