package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit EndToEndIT runs on the consolidated view finds what a view gives away, and passes one that hides it. */
class SuppressionAuditTest {

    // Project A: 3 women, 6 men; project B: 4 women, 7 men. Total: 7 women, 13 men, 20.
    private static final Integer[] A = {3, 6, 0, 0};
    private static final Integer[] B = {4, 7, 0, 0};

    @Test
    void a_view_withholding_both_small_cells_and_their_complements_gives_nothing_away() {
        SuppressionAudit audit = audit(new Integer[] {null, null, 0, 0}, new Integer[] {null, null, 0, 0});

        assertThat(audit.findings()).isEmpty();
        assertThat(audit.secondarilyWithheld()).isEqualTo(2);
    }

    @Test
    void a_withheld_cell_whose_total_and_siblings_are_shown_is_found() {
        SuppressionAudit audit = audit(new Integer[] {null, 6, 0, 0}, new Integer[] {null, null, 0, 0});

        assertThat(audit.findings()).anySatisfy(finding -> assertThat(finding)
                .contains("Cell[code=participants, column=A, row=WOMAN]", "follows from the shown cells"));
    }

    @Test
    void a_small_count_shown_is_found() {
        SuppressionAudit audit = audit(new Integer[] {null, null, 0, 0}, new Integer[] {4, null, 0, 0});

        assertThat(audit.findings()).anySatisfy(finding -> assertThat(finding).contains("shows a count from 1 to 4: 4"));
    }

    @Test
    void withheld_cells_that_must_each_be_one_are_found() {
        // C: 1 woman, 1 man, 5 non-binary; the two withheld cells make 7 - 5 = 2, and a withheld count is never 0.
        Map<String, JsonNode> exact = Map.of("C", view(new Integer[] {1, 1, 5, 0}, 7));
        Integer[] shown = {null, null, 5, 0};
        JsonNode consolidated = consolidated(Map.of("C", view(shown, 7)), shown, 7);

        assertThat(new SuppressionAudit(consolidated, exact).findings()).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding).contains("must each be 1"));
    }

    private static SuppressionAudit audit(Integer[] shownA, Integer[] shownB) {
        Map<String, JsonNode> exact = new LinkedHashMap<>();
        exact.put("A", view(A, 9));
        exact.put("B", view(B, 11));
        Map<String, JsonNode> shown = new LinkedHashMap<>();
        shown.put("A", view(shownA, 9));
        shown.put("B", view(shownB, 11));
        return new SuppressionAudit(consolidated(shown, new Integer[] {7, 13, 0, 0}, 20), exact);
    }

    private static JsonNode consolidated(Map<String, JsonNode> projects, Integer[] totalByGender, int total) {
        List<Map<String, Object>> columns = projects.entrySet().stream().map(project -> Map.<String, Object>of(
                "projectId", project.getKey(), "indicators", project.getValue().path("indicators"))).toList();
        return ServiceCalls.JSON.valueToTree(Map.of("projects", columns, "total", view(totalByGender, total)));
    }

    /** One indicator, participants: the total and the four genders (null: withheld). */
    private static JsonNode view(Integer[] byGender, Integer total) {
        Map<String, Integer> genders = new LinkedHashMap<>();
        for (int i = 0; i < byGender.length; i++) {
            genders.put(ExpectedFigures.GENDERS.get(i), byGender[i]);
        }
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("code", "participants");
        indicator.put("total", total);
        indicator.put("byGender", genders);
        return ServiceCalls.JSON.valueToTree(Map.of("indicators", List.of(indicator)));
    }
}
