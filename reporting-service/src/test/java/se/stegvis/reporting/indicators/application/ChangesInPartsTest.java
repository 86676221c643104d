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
    void in_id_order_each_kind_of_document_is_sorted_by_its_id_and_nothing_else_changes() {
        ParticipantStore.Changes shuffled = new ParticipantStore.Changes(
                List.of(facts("p2"), facts("p10"), facts("p1")),
                List.of(new Fact<RecordedActivity>("p1", "a3", null, false), new Fact<RecordedActivity>("p2", "a1", null, true)),
                List.of(new Fact<RecordedOutcome>("p2", "o2", null, false), new Fact<RecordedOutcome>("p1", "o1", null, false)),
                Set.of("p1"));

        ParticipantStore.Changes ordered = shuffled.inIdOrder();

        assertThat(ordered.participants()).extracting(ProjectedParticipant.Facts::participantId).containsExactly("p1", "p10", "p2");
        assertThat(ordered.activities()).extracting(Fact::id).containsExactly("a1", "a3");
        assertThat(ordered.activities().get(0)).isSameAs(shuffled.activities().get(1));
        assertThat(ordered.outcomes()).extracting(Fact::id).containsExactly("o1", "o2");
        assertThat(ordered.unstored()).isEqualTo(Set.of("p1"));
        assertThat(shuffled.participants()).as("the changes taken are left as they were")
                .extracting(ProjectedParticipant.Facts::participantId).containsExactly("p2", "p10", "p1");
    }

    private static ProjectedParticipant.Facts facts(String participantId) {
        return new ProjectedParticipant.Facts(participantId, "project", true, null, null, null, null, false, null, null);
    }

    @Test
    void a_part_holds_at_least_one_document() {
        assertThatThrownBy(() -> CHANGES.inParts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
