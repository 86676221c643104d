package se.stegvis.reporting.indicators.adapter.out.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/indicators.md is generated from the catalogue file, as docs/events.md is from the schemas. To regenerate:
 * {@code ./mvnw -B -o -pl reporting-service test -Dtest=IndicatorCatalogueDocumentTest -Dstegvis.write-docs=true}.
 */
class IndicatorCatalogueDocumentTest {

    private static final Path DOCUMENT = Path.of("../docs/indicators.md");

    @Test
    void the_committed_indicator_catalogue_is_what_the_catalogue_file_says() throws IOException {
        String generated = markdown();
        if (Boolean.getBoolean("stegvis.write-docs")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "")
                .as("docs/indicators.md is stale: run this test with -Dstegvis.write-docs=true").isEqualTo(generated);
    }

    @Test
    void the_file_reads_as_a_catalogue_with_every_indicator() {
        assertThat(JsonIndicatorCatalogue.fromClassPath(JsonIndicatorCatalogue.DEFAULT).indicators()).hasSize(23);
    }

    static String markdown() throws IOException {
        JsonNode root;
        try (InputStream in = IndicatorCatalogueDocumentTest.class.getClassLoader().getResourceAsStream(JsonIndicatorCatalogue.DEFAULT)) {
            root = JsonMapper.builder().build().readTree(in);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Indicator catalogue\n\n")
                .append("Generated from `reporting-service/src/main/resources/indicators.json` by `IndicatorCatalogueDocumentTest`; ")
                .append("edit the file, not this page.\n\n")
                .append("Every indicator is counted per project, in participants (each counts once however many events they have), ")
                .append("in total and by gender (`WOMAN`, `MAN`, `NON_BINARY`, `NOT_STATED`). A participant counts once their ")
                .append("enrolment has arrived; entry attributes are those of the latest entry data (enrolment or correction); ")
                .append("outcomes and activities count unless retracted. Erasure changes nothing in the counts.\n\n")
                .append("| code | what | counts a participant when |\n| --- | --- | --- |\n");
        for (JsonNode indicator : root.path("indicators")) {
            md.append("| `").append(indicator.path("code").asString()).append("` | ").append(indicator.path("label").asString())
                    .append(" | ").append(rule(indicator.path("counts"))).append(" |\n");
        }
        md.append("\n## Outcomes that exclude each other\n\n");
        for (JsonNode group : root.path("exclusiveOutcomes")) {
            md.append("- At `").append(group.path("followUp").asString()).append("`: ").append(codes(group.path("types")))
                    .append(": where a participant has more than one, only the latest (by date, then by when it was recorded) counts.\n");
        }
        md.append("\n## Partitions\n\nThese indicators add up to another; the cross-project view's suppression treats each as an ")
                .append("additive relation, like genders to a total and projects to the total column.\n\n");
        for (JsonNode partition : root.path("partitions")) {
            md.append("- ").append(codes(partition.path("parts")).replace(", ", " + ")).append(" = `")
                    .append(partition.path("whole").asString()).append("`\n");
        }
        md.append("\n## Project targets\n\nBesides these, each project's own targets (from its `ProjectDefined`) are indicators of ")
                .append("that project: a target counts every participant when it names no types, else those with a current outcome ")
                .append("of its `outcomeTypes` (at its `followUp` point if set) or a current activity of its `activityTypes`. ")
                .append("A `PERCENT` target reports its actual as a share of the project's participants.\n");
        return md.toString();
    }

    private static String rule(JsonNode counts) {
        if (counts.path("everyone").asBoolean(false)) {
            return "always";
        }
        if (counts.has("entryAttribute")) {
            return "entry `" + counts.path("entryAttribute").asString() + "` is " + codes(counts.path("values")).replace(", ", " or ");
        }
        if (counts.has("ageAtEntry")) {
            JsonNode range = counts.path("ageAtEntry");
            List<String> bounds = new ArrayList<>();
            if (range.has("min")) {
                bounds.add("at least " + range.path("min").asInt());
            }
            if (range.has("max")) {
                bounds.add("at most " + range.path("max").asInt());
            }
            return "age at entry " + String.join(" and ", bounds);
        }
        return "a current outcome " + codes(counts.path("outcomeTypes")).replace(", ", " or ")
                + (counts.has("followUp") ? " at `" + counts.path("followUp").asString() + "`" : "");
    }

    private static String codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(value -> codes.add("`" + value.asString() + "`"));
        return String.join(", ", codes);
    }
}
