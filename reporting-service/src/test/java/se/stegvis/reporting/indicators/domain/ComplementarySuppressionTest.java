package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ComplementarySuppressionTest {

    @Test
    void counts_from_one_to_four_are_withheld_and_zero_and_five_are_shown() {
        Map<String, Integer> values = Map.of("a", 0, "b", 4, "c", 1, "d", 5, "t", 10);

        Set<String> withheld = ComplementarySuppression.suppress(values, List.of());

        assertThat(withheld).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void a_lone_withheld_part_takes_the_smallest_non_zero_shown_sibling_with_it() {
        Map<String, Integer> values = Map.of("small", 3, "zero", 0, "seven", 7, "nine", 9, "total", 19);

        Set<String> withheld = ComplementarySuppression.suppress(values,
                List.of(new AdditiveRelation<>("total", List.of("small", "zero", "seven", "nine"))));

        assertThat(withheld).containsExactlyInAnyOrder("small", "seven");
    }

    @Test
    void a_withheld_total_is_not_left_alone_either() {
        Map<String, Integer> values = Map.of("a", 0, "b", 0, "t", 2, "u", 6, "whole", 8);

        Set<String> withheld = ComplementarySuppression.suppress(values, List.of(new AdditiveRelation<>("t", List.of("a", "b")),
                new AdditiveRelation<>("whole", List.of("t", "u"))));

        assertThat(withheld).contains("t").hasSizeGreaterThan(1);
    }

    @Test
    void two_withheld_ones_that_add_up_to_their_count_are_protected_too() {
        Map<String, Integer> values = Map.of("a", 1, "b", 1, "c", 6, "t", 8);

        Set<String> withheld = ComplementarySuppression.suppress(values, List.of(new AdditiveRelation<>("t", List.of("a", "b", "c"))));

        assertThat(withheld).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void a_cell_pinned_down_by_combining_relations_gets_more_company() {
        // Two 2x2 tables sharing nothing but a bridge: every row and column has two withheld cells, yet the
        // bridge cell follows from adding rows and subtracting columns.
        Map<String, Integer> values = new java.util.HashMap<>();
        List<AdditiveRelation<String>> relations = new java.util.ArrayList<>();
        String[][] grid = {{"2", "3", "9", "0"}, {"4", "1", "0", "9"}, {"0", "2", "3", "9"}, {"9", "0", "1", "2"}};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                values.put("r" + r + "c" + c, Integer.parseInt(grid[r][c]));
            }
        }
        for (int r = 0; r < 4; r++) {
            int row = r;
            values.put("R" + r, java.util.stream.IntStream.range(0, 4).map(c -> values.get("r" + row + "c" + c)).sum());
            relations.add(new AdditiveRelation<>("R" + r, java.util.stream.IntStream.range(0, 4).mapToObj(c -> "r" + row + "c" + c).toList()));
        }
        for (int c = 0; c < 4; c++) {
            int col = c;
            values.put("C" + c, java.util.stream.IntStream.range(0, 4).map(r -> values.get("r" + r + "c" + col)).sum());
            relations.add(new AdditiveRelation<>("C" + c, java.util.stream.IntStream.range(0, 4).mapToObj(r -> "r" + r + "c" + col).toList()));
        }

        Set<String> withheld = ComplementarySuppression.suppress(values, relations);

        assertThat(LinearDisclosure.determined(withheld, relations)).isEmpty();
    }
}
