package se.stegvis.reporting.indicators.adapter.out.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
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
                .append("edit the file (or, for the rules in prose, that test), not this page.\n\n")
                .append("Every indicator is counted per project, in participants (each counts once however many events they have), ")
                .append("in total, by gender (`WOMAN`, `MAN`, `NON_BINARY`, `NOT_STATED`) and by the project's target groups ")
                .append("(`byTargetGroup`: the project's groups in its order, then any other group a participant names; they add up to ")
                .append("the total). A participant counts once their enrolment has arrived; entry attributes are those of the latest ")
                .append("entry data (enrolment or correction); outcomes and activities count unless retracted. Erasure changes nothing ")
                .append("in the counts. The sources are Regulation (EU) 2021/1057 (ESF+), Annex I, and the Commission's guidance on ")
                .append("the common indicators.\n\n")
                .append("| code | what | counts a participant when |\n| --- | --- | --- |\n");
        for (JsonNode indicator : root.path("indicators")) {
            md.append("| `").append(indicator.path("code").asString()).append("` | ").append(indicator.path("label").asString())
                    .append(" | ").append(rule(indicator.path("counts"))).append(" |\n");
        }
        md.append("\n## Results defined narrowly\n\n")
                .append("Where the definition of an ESF+ result counts only some participants, the catalogue says so with `allOf` ")
                .append("(every rule in it must hold), not with code.\n\n");
        for (JsonNode indicator : root.path("indicators")) {
            if (indicator.has("source")) {
                md.append("- `").append(indicator.path("code").asString()).append("`: ").append(indicator.path("source").asString())
                        .append("\n");
            }
        }
        md.append("\n## Outcomes that exclude each other\n\n");
        for (JsonNode group : root.path("exclusiveOutcomes")) {
            md.append("- At `").append(group.path("followUp").asString()).append("`: ").append(codes(group.path("types")))
                    .append(": where a participant has more than one, only the latest (by date, then by when it was recorded) counts.\n");
        }
        followUpPoints(md, root);
        md.append("\n## Partitions\n\nThese indicators add up to another; the cross-project view's suppression treats each as an ")
                .append("additive relation, like genders to a total, projects to the total column and a project's target groups to ")
                .append("its total, and applies each partition within every gender and every target group too.\n\n");
        for (JsonNode partition : root.path("partitions")) {
            md.append("- ").append(codes(partition.path("parts")).replace(", ", " + ")).append(" = `")
                    .append(partition.path("whole").asString()).append("`\n");
        }
        projectTargets(md);
        figuresOfADay(md);
        return md.toString();
    }

    private static void followUpPoints(StringBuilder md, JsonNode root) {
        md.append("\n## Follow-up points\n\n")
                .append("An outcome is counted at the follow-up point its `OutcomeRecorded` carries; reporting never files a date ")
                .append("itself. outcome-service files an outcome at a point when it is dated from the point's due day to 28 days ")
                .append("(four weeks) after it, both included; between the windows, and after the last, it is `OTHER`. ESF+ counts ")
                .append("a result upon leaving if it happens within four weeks after leaving, and a result six months after leaving ")
                .append("is one observed at that point; the same four weeks are the tolerance after six months and after a project's ")
                .append("90 days. An outcome seen before a point has come is no result at it: day 29 after leaving is not 90 days ")
                .append("after leaving.\n\n| point | comes after leaving | outcomes filed there (days after leaving) |\n| --- | --- | --- |\n");
        for (JsonNode point : root.path("followUpPoints")) {
            String due = point.path("dueAfterLeaving").asString();
            md.append("| `").append(point.path("followUp").asString()).append("` | `").append(due).append("` | ")
                    .append(window(Period.parse(due))).append(" |\n");
        }
    }

    /** The days outcome-service files outcomes at a point due this long after leaving. */
    private static String window(Period due) {
        if (due.getMonths() == 0) {
            return due.getDays() + " to " + (due.getDays() + 28);
        }
        String months = due.getMonths() + " months";
        return months + " to " + months + " + 28 days";
    }

    private static void projectTargets(StringBuilder md) {
        md.append("\n## Project targets\n\n")
                .append("Besides these, each project's own targets (from its `ProjectDefined`) are indicators of that project. A ")
                .append("target is measured among the participants of its `targetGroup` (every group when it names none) for whom ")
                .append("its `followUp` point has come on the day counted (all of them when it names none): they are its ")
                .append("`denominator`. Among them it counts everyone when it names no types, else those with a current outcome of ")
                .append("its `outcomeTypes` at its `followUp` point (as the outcome's event files it) or a current activity of its ")
                .append("`activityTypes`: they are `counted`. A `PARTICIPANTS` target reports `counted` as its `actual`; a `PERCENT` ")
                .append("target reports `counted` as a share of the `denominator`, in per cent with one decimal (none while the ")
                .append("denominator is 0).\n\n")
                .append("- **A share at a follow-up point** (e.g. Vägen till målet's 70 % in work or studies 90 days after leaving) ")
                .append("is a share of those who left at least that long ago: someone who left last week cannot yet be in work 90 ")
                .append("days after leaving, and dividing by every participant would understate the result. On the day a point ")
                .append("comes for a participant (leaving + 90 days, leaving + 6 months) they join the denominator.\n")
                .append("- **A target of one target group** (Utväg II's digital guidance for 60 gang defectors and for 60 victims of ")
                .append("domestic violence) counts and is measured only among participants whose entry `targetGroup` is that ")
                .append("group.\n");
    }

    private static void figuresOfADay(StringBuilder md) {
        md.append("\n## Figures as of a day\n\n")
                .append("Every view is of a day, `asOfDate`: today (Europe/Stockholm) or an earlier day asked for with ")
                .append("`?asOf=YYYY-MM-DD` (a later day is refused: nothing is dated then yet). The figures are as they stood by ")
                .append("the business dates: a participant counts from their enrolment day; an activity or outcome from its date; a ")
                .append("follow-up point from its due day after the leaving day. What is known today about earlier days counts on ")
                .append("them: a correction of entry data applies to every day, a retracted activity or outcome counts on none, an ")
                .append("outcome recorded today with last week's date counts last week. Targets are those of the project's current ")
                .append("definition.\n");
    }

    private static String rule(JsonNode counts) {
        if (counts.path("everyone").asBoolean(false)) {
            return "always";
        }
        if (counts.has("allOf")) {
            List<String> all = new ArrayList<>();
            counts.path("allOf").forEach(each -> all.add(rule(each)));
            return String.join(", and ", all);
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
