package se.stegvis.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * Plays participant-service: publishes invented projects and participants to their topics, as its relay would, so
 * the service's replica learns of them. Events are the schemas module's samples with fresh ids.
 */
final class UpstreamEvents implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;

    UpstreamEvents(String bootstrapServers, String registryUrl) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), serializer);
    }

    void defineProject(String projectId, List<String> activityTypes) {
        ProjectDefined sample = SampleEvents.projectDefined();
        send(EventTopic.PROJECTS, projectId, ProjectDefined.newBuilder(sample).setEventId(UUID.randomUUID())
                .setProjectId(projectId).setActivityTypes(activityTypes).build());
    }

    UUID enrol(String projectId, LocalDate enrolledOn) {
        UUID participantId = UUID.randomUUID();
        ParticipantEnrolled sample = SampleEvents.enrolled();
        send(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantEnrolled.newBuilder(sample)
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId)
                .setEntryData(se.stegvis.events.EntryData.newBuilder(sample.getEntryData()).setEnrolledOn(enrolledOn).build())
                .build());
        return participantId;
    }

    void leave(UUID participantId, String projectId, LocalDate leftOn) {
        send(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantLeft.newBuilder(SampleEvents.left())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId).setLeftOn(leftOn).build());
    }

    void erase(UUID participantId, String projectId) {
        send(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantErased.newBuilder(SampleEvents.erased())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId).build());
    }

    private void send(EventTopic topic, String key, SpecificRecord event) {
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
