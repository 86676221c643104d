package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.TargetUnit;
import se.stegvis.schemas.EventSchemaHistory;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.OlderSchemas;
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
    void an_entry_written_with_a_never_released_version_of_the_schema_is_not_decoded() {
        OutboxEntry entry = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, SampleEvents.left());
        Document stored = entry.toDocument().append("schemaFingerprint", entry.schemaFingerprint() + 1);

        assertThatThrownBy(() -> OutboxEntry.fromDocument(stored).event())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(entry.eventId());
    }

    @Test
    void an_entry_written_before_a_deploy_that_evolved_its_event_reads_with_todays_class() throws Exception {
        Schema old = OlderSchemas.projectBeforeTargetDetails();
        GenericRecord project = OlderSchemas.project(old, "99-000-T05");
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(payload, null);
        new GenericDatumWriter<GenericRecord>(old).write(project, encoder);
        encoder.flush();
        OutboxEntry written = new OutboxEntry(project.get("eventId").toString(), EventTopic.PROJECTS.topicName(), "99-000-T05",
                old.getFullName(), SchemaNormalization.parsingFingerprint64(old), payload.toByteArray(), Instant.now());

        ProjectDefined read = (ProjectDefined) written.event(new EventSchemaHistory(List.of(old)));

        assertThat(read.getProjectId()).isEqualTo("99-000-T05");
        assertThat(read.getTargets().get(0).getUnit()).isEqualTo(TargetUnit.PARTICIPANTS);
        assertThatThrownBy(written::event).as("not a released version").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_entry_names_ids_but_never_the_payload_when_logged() {
        ParticipantLeft left = SampleEvents.left();
        OutboxEntry entry = OutboxEntry.of(EventTopic.PARTICIPANTS, KEY, left);

        assertThat(entry.toString()).contains(entry.eventId(), "stegvis.participants.v1")
                .doesNotContain("payload", "COMPLETED");
    }
}
