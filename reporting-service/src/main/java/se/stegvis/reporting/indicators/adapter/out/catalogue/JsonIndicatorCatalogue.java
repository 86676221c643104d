package se.stegvis.reporting.indicators.adapter.out.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.stegvis.reporting.indicators.domain.Criterion;
import se.stegvis.reporting.indicators.domain.ExclusiveOutcomes;
import se.stegvis.reporting.indicators.domain.IndicatorCatalogue;
import se.stegvis.reporting.indicators.domain.IndicatorDefinition;
import se.stegvis.reporting.indicators.domain.Partition;

/** Reads the indicator catalogue file ({@code indicators.json} on the class path by default). */
public final class JsonIndicatorCatalogue {

    public static final String DEFAULT = "indicators.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonIndicatorCatalogue() {
    }

    public static IndicatorCatalogue fromClassPath(String resource) {
        try (InputStream in = JsonIndicatorCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No indicator catalogue " + resource + " on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the indicator catalogue " + resource, e);
        }
    }

    public static IndicatorCatalogue read(InputStream in) {
        JsonNode root = JSON.readTree(in);
        List<IndicatorDefinition> indicators = new ArrayList<>();
        for (JsonNode indicator : root.path("indicators")) {
            String code = indicator.path("code").asString();
            String labelSv = indicator.path("labelSv").isString() ? indicator.path("labelSv").asString() : null;
            indicators.add(new IndicatorDefinition(code, indicator.path("label").asString(), labelSv,
                    criterion(code, indicator.path("counts"))));
        }
        List<ExclusiveOutcomes> exclusive = new ArrayList<>();
        for (JsonNode group : root.path("exclusiveOutcomes")) {
            exclusive.add(new ExclusiveOutcomes(group.path("followUp").asString(), Set.copyOf(strings(group.path("types")))));
        }
        List<Partition> partitions = new ArrayList<>();
        for (JsonNode partition : root.path("partitions")) {
            partitions.add(new Partition(partition.path("whole").asString(), strings(partition.path("parts"))));
        }
        Map<String, Period> followUpDue = new LinkedHashMap<>();
        for (JsonNode point : root.path("followUpPoints")) {
            followUpDue.put(point.path("followUp").asString(), Period.parse(point.path("dueAfterLeaving").asString()));
        }
        return new IndicatorCatalogue(indicators, exclusive, partitions, followUpDue);
    }

    private static Criterion criterion(String code, JsonNode counts) {
        if (counts.path("everyone").asBoolean(false)) {
            return new Criterion.Everyone();
        }
        if (counts.has("allOf")) {
            List<Criterion> all = new ArrayList<>();
            counts.path("allOf").forEach(each -> all.add(criterion(code, each)));
            return new Criterion.AllOf(all);
        }
        if (counts.has("entryAttribute")) {
            return new Criterion.EntryAttribute(counts.path("entryAttribute").asString(), Set.copyOf(strings(counts.path("values"))));
        }
        if (counts.has("ageAtEntry")) {
            JsonNode range = counts.path("ageAtEntry");
            return new Criterion.AgeRange(range.has("min") ? range.path("min").asInt() : null,
                    range.has("max") ? range.path("max").asInt() : null);
        }
        if (counts.has("outcomeTypes")) {
            return new Criterion.OutcomeAt(Set.copyOf(strings(counts.path("outcomeTypes"))),
                    counts.has("followUp") ? counts.path("followUp").asString() : null);
        }
        if (counts.has("activityTypes")) {
            return new Criterion.ActivityOf(Set.copyOf(strings(counts.path("activityTypes"))));
        }
        throw new IllegalStateException("Indicator " + code + " does not say what counts");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
