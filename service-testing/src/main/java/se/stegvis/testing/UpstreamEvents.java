package se.stegvis.testing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import se.stegvis.events.EntryData;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.events.ProjectRole;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * Plays the upstream services: publishes invented projects and participants (the schemas module's samples with
 * fresh ids) to their topics in the Confluent wire format, keyed as their relays key them, so a service's replica or
 * projection learns of them without those services running.
 */
public final class UpstreamEvents implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final KafkaProducer<String, byte[]> raw;

    public UpstreamEvents(String bootstrapServers, String registryUrl) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), serializer);
        raw = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Each event on the topic that carries its type, keyed as its writer keys it (the project id on the projects
     * topic, the participant id elsewhere); acknowledged before this returns.
     */
    public void publish(SpecificRecord... events) {
        for (SpecificRecord event : events) {
            EventTopic topic = Arrays.stream(EventTopic.values())
                    .filter(candidate -> candidate.eventSchemas().contains(event.getSchema())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No topic carries " + event.getSchema().getFullName()));
            String keyField = topic.compacted() ? "projectId" : "participantId";
            publish(topic, event.get(event.getSchema().getField(keyField).pos()).toString(), event);
        }
    }

    /** Bytes as they are, e.g. garbage a consumer must survive. */
    public void publishRaw(EventTopic topic, String key, byte[] value) {
        try {
            raw.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic.topicName(), e);
        }
    }

    /** A project with a fresh id, shaped from the sample definition. */
    public String project(UnaryOperator<ProjectDefined.Builder> shape) {
        String projectId = "99-" + UUID.randomUUID().toString().substring(0, 8);
        defineProject(projectId, shape);
        return projectId;
    }

    public void defineProject(String projectId, UnaryOperator<ProjectDefined.Builder> shape) {
        publish(EventTopic.PROJECTS, projectId, shape.apply(ProjectDefined.newBuilder(SampleEvents.projectDefined())
                .setEventId(UUID.randomUUID()).setProjectId(projectId)).build());
    }

    /**
     * The project's whole membership as participant-service publishes it: subject to role ("STAFF" or "OWNER");
     * an empty map removes everyone.
     */
    public void members(String projectId, Map<String, String> roles) {
        publish(EventTopic.MEMBERSHIPS, projectId, ProjectMembersChanged.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(java.time.Instant.now()).setProjectId(projectId)
                .setMembers(roles.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(member -> new ProjectMember(member.getKey(), ProjectRole.valueOf(member.getValue()))).toList())
                .build());
    }

    public UUID enrol(String projectId, LocalDate enrolledOn) {
        UUID participantId = UUID.randomUUID();
        ParticipantEnrolled sample = SampleEvents.enrolled();
        publish(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantEnrolled.newBuilder(sample)
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId)
                .setEntryData(EntryData.newBuilder(sample.getEntryData()).setEnrolledOn(enrolledOn).build()).build());
        return participantId;
    }

    public void leave(UUID participantId, String projectId, LocalDate leftOn) {
        publish(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantLeft.newBuilder(SampleEvents.left())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId).setLeftOn(leftOn).build());
    }

    public void erase(UUID participantId, String projectId) {
        publish(EventTopic.PARTICIPANTS, participantId.toString(), ParticipantErased.newBuilder(SampleEvents.erased())
                .setEventId(UUID.randomUUID()).setProjectId(projectId).setParticipantId(participantId).build());
    }

    /** Any event, as its writer would send it; waits for the broker's acknowledgement. */
    public void publish(EventTopic topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic.topicName(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}
