package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The share of the demo's people sent with their history is spread over the plan's order, not its start. */
class StackSeedTest {

    private static StackSeed seed(String share) {
        Properties properties = new Properties();
        properties.setProperty("bench.stack.historyShare", share);
        return new StackSeed(StackBenchSettings.from(properties), null, null);
    }

    @Test
    void aQuarterIsEveryFourth() {
        List<Integer> people = IntStream.range(0, 12).boxed().toList();

        assertThat(seed("0.25").withHistory(people)).containsExactly(3, 7, 11);
    }

    @Test
    void allAndNone() {
        List<Integer> people = IntStream.range(0, 5).boxed().toList();

        assertThat(seed("1").withHistory(people)).isEqualTo(people);
        assertThat(seed("0").withHistory(people)).isEmpty();
    }
}
