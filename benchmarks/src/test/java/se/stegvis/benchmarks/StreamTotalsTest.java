package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

/** Which count of the cross-project view a figure reads: one project's column, or the total column. */
class StreamTotalsTest {

    private static final String VIEW = """
            {"changed":["99-777-F01"],"view":{"asOf":"2025-06-30T10:00:00Z","suppressedBelow":5,"projects":[
            {"projectId":"23-073-S03","name":"Utväg II","indicators":[{"code":"participants","total":700,"byGender":{}},
              {"code":"employed-upon-leaving","total":120,"byGender":{}}]},
            {"projectId":"99-777-F01","name":"Färskhetsprojektet","indicators":[{"code":"participants","total":2000,"byGender":{}},
              {"code":"employed-upon-leaving","total":37,"byGender":{}}]},
            {"projectId":"23-079-S13","name":"Östra","indicators":[{"code":"participants","total":3,"byGender":{}},
              {"code":"employed-upon-leaving","total":null,"byGender":{}}]}],
            "total":{"indicators":[{"code":"participants","total":2703,"byGender":{}},{"code":"employed-upon-leaving","total":157,"byGender":{}}]}}}
            """.replace("\n", "");

    @Test
    void aProjectsColumnIsReadAfterItsIdNotTheFirstColumn() {
        assertThat(IndicatorStreamListener.columnTotal("99-777-F01", "employed-upon-leaving").applyAsLong(VIEW)).isEqualTo(37);
        assertThat(IndicatorStreamListener.columnTotal("23-073-S03", "employed-upon-leaving").applyAsLong(VIEW)).isEqualTo(120);
    }

    @Test
    void aWithheldCountOrAnAbsentProjectReadsAsUnknown() {
        ToLongFunction<String> withheld = IndicatorStreamListener.columnTotal("23-079-S13", "employed-upon-leaving");
        ToLongFunction<String> absent = IndicatorStreamListener.columnTotal("11-111-X11", "employed-upon-leaving");

        assertThat(withheld.applyAsLong(VIEW)).isEqualTo(-1);
        assertThat(absent.applyAsLong(VIEW)).isEqualTo(-1);
    }

    @Test
    void theParticipantsInTheViewAreTheTotalColumns() {
        assertThat(StackBenchmark.lastTotal(VIEW)).isEqualTo(2703);
        assertThat(StackBenchmark.lastTotal("{\"total\":{\"indicators\":[{\"code\":\"participants\",\"total\":null}]}}")).isEqualTo(-1);
    }
}
