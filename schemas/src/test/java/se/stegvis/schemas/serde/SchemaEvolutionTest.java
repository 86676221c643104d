package se.stegvis.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.Target;
import se.stegvis.events.TargetUnit;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.OlderSchemas;
import se.stegvis.schemas.registry.InMemorySchemaRegistryClient;

/** Data written with an older version of a topic's schema reads with today's generated classes. */
class SchemaEvolutionTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry, true);

    @Test
    void a_project_written_before_targets_had_units_and_types_reads_with_the_defaults() throws IOException {
        Schema old = OlderSchemas.projectBeforeTargetDetails();
        GenericRecord project = OlderSchemas.project(old, "99-000-T02");
        String topic = EventTopic.PROJECTS.topicName();

        ProjectDefined read = (ProjectDefined) deserializer.deserialize(topic, write(EventTopic.PROJECTS, old, project));

        assertThat(read.getProjectId()).isEqualTo("99-000-T02");
        assertThat(read.getPeriodStart()).isEqualTo(LocalDate.of(2016, 9, 1));
        Target target = read.getTargets().get(0);
        assertThat(target.getCode()).isEqualTo("participants");
        assertThat(target.getTarget()).isEqualTo(145);
        assertThat(target.getUnit()).isEqualTo(TargetUnit.PARTICIPANTS);
        assertThat(target.getOutcomeTypes()).isEmpty();
        assertThat(target.getActivityTypes()).isEmpty();
        assertThat(target.getFollowUp()).isNull();
        assertThat(target.getGenderShares()).isEmpty();
        assertThat(target.getTargetGroup()).isNull();
    }

    @Test
    void a_project_written_with_the_first_released_schema_reads_its_targets_as_counting_every_target_group() throws IOException {
        Schema v1 = OlderSchemas.projectAsFirstReleased();
        GenericRecord project = OlderSchemas.project(v1, "99-000-T03");
        Schema targetSchema = v1.getField("targets").schema().getElementType();
        GenericRecord target = (GenericRecord) ((List<?>) project.get("targets")).get(0);
        target.put("unit", new GenericData.EnumSymbol(targetSchema.getField("unit").schema(), "PERCENT"));
        target.put("outcomeTypes", List.of("EMPLOYED"));
        target.put("activityTypes", List.of());
        target.put("followUp", new GenericData.EnumSymbol(targetSchema.getField("followUp").schema().getTypes().get(1), "DAYS_90"));
        target.put("genderShares", Map.of());

        ProjectDefined read = (ProjectDefined) deserializer.deserialize(EventTopic.PROJECTS.topicName(),
                write(EventTopic.PROJECTS, v1, project));

        Target first = read.getTargets().get(0);
        assertThat(first.getUnit()).isEqualTo(TargetUnit.PERCENT);
        assertThat(first.getFollowUp()).isEqualTo(FollowUpPoint.DAYS_90);
        assertThat(first.getTargetGroup()).as("a target of the first schema counts every target group").isNull();
    }

    @Test
    void an_event_written_with_a_union_that_had_fewer_event_types_reads_as_its_class() throws IOException {
        Schema old = OlderSchemas.participantsBeforeErasure();
        ParticipantLeft left = se.stegvis.schemas.SampleEvents.left();
        GenericRecord oldLeft = new GenericData.Record(old.getTypes().get(2));
        oldLeft.put("eventId", left.getEventId().toString());
        oldLeft.put("occurredAt", left.getOccurredAt().toEpochMilli());
        oldLeft.put("projectId", left.getProjectId());
        oldLeft.put("participantId", left.getParticipantId().toString());
        oldLeft.put("leftOn", (int) left.getLeftOn().toEpochDay());
        oldLeft.put("reason", new GenericData.EnumSymbol(oldLeft.getSchema().getField("reason").schema(), "COMPLETED"));

        Object read = deserializer.deserialize(EventTopic.PARTICIPANTS.topicName(), write(EventTopic.PARTICIPANTS, old, oldLeft));

        assertThat(read).isEqualTo(left);
    }

    /** What a producer on the older schema version wrote: the old schema registered under the topic's subject. */
    private byte[] write(EventTopic topic, Schema writerSchema, GenericRecord datum) throws IOException {
        int id = registry.register(topic.valueSubject(), writerSchema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writerSchema).write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
