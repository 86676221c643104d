package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant.Fact;
import se.stegvis.reporting.indicators.domain.RecordedActivity;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;

/** A checkpoint written in parts writes every document once, in the order of a whole one. */
class ChangesInPartsTest {

    private static final ParticipantStore.Changes CHANGES = new ParticipantStore.Changes(
            IntStream.range(0, 4).mapToObj(i -> new ProjectedParticipant.Facts("p" + i, "project", true, null, null, null, null, false, null, null)).toList(),
            IntStream.range(0, 5).mapToObj(i -> new Fact<RecordedActivity>("p0", "a" + i, null, true)).toList(),
            IntStream.range(0, 3).mapToObj(i -> new Fact<RecordedOutcome>("p1", "o" + i, null, true)).toList(),
            Set.of("p0", "p3"));

    @Test
    void every_document_is_in_exactly_one_part_in_the_order_of_the_whole() {
        for (int size = 1; size <= CHANGES.size() + 1; size++) {
            List<ParticipantStore.Changes> parts = CHANGES.inParts(size);
            List<String> written = new ArrayList<>();
            for (ParticipantStore.Changes part : parts) {
                assertThat(part.size()).as("part of at most %d", size).isBetween(1, size);
                assertThat(part.unstored()).isEqualTo(CHANGES.unstored());
                part.activities().forEach(fact -> written.add(fact.id()));
                part.outcomes().forEach(fact -> written.add(fact.id()));
                part.participants().forEach(facts -> written.add(facts.participantId()));
            }
            assertThat(written).as("in parts of %d", size).containsExactly("a0", "a1", "a2", "a3", "a4", "o0", "o1", "o2", "p0", "p1", "p2", "p3");
            assertThat(parts).hasSize((CHANGES.size() + size - 1) / size);
        }
    }

    @Test
    void a_part_holds_at_least_one_document() {
        assertThatThrownBy(() -> CHANGES.inParts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
