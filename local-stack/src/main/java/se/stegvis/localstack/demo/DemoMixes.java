package se.stegvis.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;

/**
 * The mixes the demo people are drawn from, kept as data in {@code demo-mixes.json} beside this class: what a
 * realistic project looks like is a matter of figures, to be tuned without reading the generator. A target group or
 * activity type the file does not know (one a project added through the API brings) gets its {@code default}.
 */
final class DemoMixes {

    private static final String RESOURCE = "demo-mixes.json";

    private final JsonNode root;

    private DemoMixes(JsonNode root) {
        this.root = root;
    }

    static DemoMixes standard() {
        try (InputStream in = DemoMixes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new DemoMixes(DemoHttp.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EntryProfile profile(String targetGroup) {
        return EntryProfile.from(orDefault(root.path("targetGroups"), targetGroup));
    }

    ActivityKind activity(String type) {
        return ActivityKind.from(orDefault(root.path("activityTypes"), type));
    }

    /** The outcome types at a follow-up point, NONE for none; null for a point the file does not know. */
    Mix outcomesAt(String followUpPoint) {
        JsonNode mix = root.path("outcomesAtFollowUp").path(followUpPoint);
        return mix.isMissingNode() ? null : Mix.of(mix.asString());
    }

    Mix mix(String field) {
        return Mix.of(root.path(field).asString());
    }

    Mix leavingReasons() {
        return Mix.of(root.path("leaving").path("reasons").asString());
    }

    int daysToLikelyLeave() {
        return root.path("leaving").path("daysInForEveryoneToBeLikelyToLeave").asInt();
    }

    int ruralPercent(String nuts2) {
        return orDefault(root.path("ruralPercentByRegion"), nuts2).asInt();
    }

    /** A whole-number setting at the top level, or in {@code slips} ("slips.outcomePercent"). */
    int percent(String path) {
        JsonNode node = root;
        for (String field : path.split("\\.")) {
            node = node.path(field);
        }
        if (!node.isInt()) {
            throw new IllegalStateException(RESOURCE + " has no whole number at " + path);
        }
        return node.asInt();
    }

    private static JsonNode orDefault(JsonNode table, String key) {
        return table.has(key) ? table.get(key) : table.path("default");
    }
}
