package se.stegvis.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import se.stegvis.events.EntryData;
import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * Publishes what participant-service would: invented projects and participants (the schemas module's samples with
 * fresh ids), in the Confluent wire format, so the service's replica learns of them.
 */
final class ParticipantServiceStandIn implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;

    ParticipantServiceStandIn(String bootstrapServers, String registryUrl) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), serializer);
    }

    /** A project with STEP_FORWARD as its own outcome type and the given follow-up points. */
    String project(FollowUpPoint... followUpPoints) {
        String projectId = "99-" + UUID.randomUUID().toString().substring(0, 8);
        publish(EventTopic.PROJECTS, projectId, ProjectDefined.newBuilder(SampleEvents.projectDefined())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setOutcomeTypes(List.of("EMPLOYED", "STEP_FORWARD"))
                .setFollowUpPoints(List.of(followUpPoints)).build());
        return projectId;
    }

    UUID enrolled(String projectId, LocalDate enrolledOn) {
        UUID participantId = UUID.randomUUID();
        ParticipantEnrolled sample = SampleEvents.enrolled();
        publish(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantEnrolled.newBuilder(sample)
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId)
                .setEntryData(EntryData.newBuilder(sample.getEntryData()).setEnrolledOn(enrolledOn).build()).build());
        return participantId;
    }

    UUID left(String projectId, LocalDate enrolledOn, LocalDate leftOn) {
        UUID participantId = enrolled(projectId, enrolledOn);
        publish(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantLeft.newBuilder(SampleEvents.left())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId).setLeftOn(leftOn).build());
        return participantId;
    }

    UUID erased(String projectId, LocalDate enrolledOn) {
        UUID participantId = enrolled(projectId, enrolledOn);
        publish(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantErased.newBuilder(SampleEvents.erased())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId).build());
        return participantId;
    }

    private void publish(EventTopic topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic.topicName(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
