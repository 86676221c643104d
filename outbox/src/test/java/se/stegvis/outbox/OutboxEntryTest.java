package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import se.stegvis.events.ParticipantLeft;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;

class OutboxEntryTest {

    private static final String KEY = SampleEvents.PARTICIPANT_ID.toString();

    static Stream<Arguments> everySampleEvent() {
        return SampleEvents.byTopic().entrySet().stream().flatMap(
                (Map.Entry<EventTopic, List<SpecificRecord>> topic) -> topic.getValue().stream()
                        .map(event -> Arguments.of(topic.getKey(), event)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everySampleEvent")
    void an_event_survives_the_round_trip_through_a_document(EventTopic topic, SpecificRecord event) {
        OutboxEntry entry = OutboxEntry.of(topic, KEY, event);

        OutboxEntry back = OutboxEntry.fromDocument(Document.parse(entry.toDocument().toJson()));

        assertThat(back).isEqualTo(entry);
        assertThat(back.event()).isEqualTo(event).isInstanceOf(event.getClass());
        assertThat(back.eventId()).isEqualTo(event.get(event.getSchema().getField("eventId").pos()).toString());
        assertThat(back.topic()).isEqualTo(topic.topicName());
        assertThat(back.type()).isEqualTo(event.getSchema().getFullName());
        assertThat(back.key()).isEqualTo(KEY);
    }

    @Test
    void the_accepted_instant_is_kept_to_the_millisecond_a_bson_date_holds() {
        OutboxEntry entry = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, SampleEvents.left(),
                Instant.parse("2025-03-01T09:30:00.123456789Z"));

        assertThat(entry.acceptedAt()).isEqualTo(Instant.parse("2025-03-01T09:30:00.123Z"));
        assertThat(OutboxEntry.fromDocument(entry.toDocument()).acceptedAt()).isEqualTo(entry.acceptedAt());
    }

    @Test
    void an_event_is_refused_on_a_topic_whose_contract_does_not_have_it() {
        assertThatThrownBy(() -> OutboxEntry.of(EventTopic.OUTCOMES, KEY, SampleEvents.left()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stegvis.outcomes.v1");
    }

    @Test
    void an_entry_written_with_another_version_of_the_schema_is_not_decoded() {
        OutboxEntry entry = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, SampleEvents.left());
        Document stored = entry.toDocument().append("schemaFingerprint", entry.schemaFingerprint() + 1);

        assertThatThrownBy(() -> OutboxEntry.fromDocument(stored).event())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(entry.eventId());
    }

    @Test
    void an_entry_names_ids_but_never_the_payload_when_logged() {
        ParticipantLeft left = SampleEvents.left();
        OutboxEntry entry = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, left);

        assertThat(entry.toString()).contains(entry.eventId(), "stegvis.participants.v1")
                .doesNotContain("payload", "COMPLETED");
    }
}
