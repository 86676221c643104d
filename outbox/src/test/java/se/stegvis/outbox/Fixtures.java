package se.stegvis.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import se.stegvis.events.LeavingReason;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testsupport.KafkaTopics;
import se.stegvis.schemas.SampleEvents;

/** Invented participants, the events their commands cause, and the writes a service would make for them. */
final class Fixtures {

    private static final Instant AT = Instant.parse("2025-03-01T09:30:00Z");

    private Fixtures() {
    }

    static void createTopics(String bootstrapServers, EventTopic... topics) {
        KafkaTopics.ensure(bootstrapServers, java.util.Arrays.stream(topics).map(EventTopic::topicName).toArray(String[]::new));
    }

    static ParticipantEnrolled enrolled(UUID participantId) {
        return new ParticipantEnrolled(UUID.randomUUID(), AT, SampleEvents.PROJECT_ID, participantId, SampleEvents.entryData());
    }

    static ParticipantLeft left(UUID participantId) {
        return new ParticipantLeft(UUID.randomUUID(), AT, SampleEvents.PROJECT_ID, participantId,
                LocalDate.of(2025, 7, 20), LeavingReason.COMPLETED);
    }

    /** A command's write: the participant's new state and its events in one upsert, as a service makes it. */
    static void enrolAndLeave(MongoCollection<Document> participants, UUID participantId, List<SpecificRecord> events) {
        String key = participantId.toString();
        List<OutboxEntry> entries = new ArrayList<>();
        events.forEach(event -> entries.add(OutboxEntry.of(EventTopic.PARTICIPANTS, key, event)));
        participants.updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.set("status", "LEFT"), Updates.set("projectId", SampleEvents.PROJECT_ID),
                        Outbox.append(entries)),
                new UpdateOptions().upsert(true));
    }

    /** Each participant with an enrolment and a leaving, written as one command each; the events by key. */
    static Map<String, List<SpecificRecord>> participantsWhoEnrolAndLeave(MongoCollection<Document> participants, int count) {
        Map<String, List<SpecificRecord>> written = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            UUID participantId = UUID.randomUUID();
            List<SpecificRecord> events = List.of(enrolled(participantId), left(participantId));
            enrolAndLeave(participants, participantId, events);
            written.put(participantId.toString(), events);
        }
        return written;
    }
}
