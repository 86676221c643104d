package se.stegvis.schemas;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.ProjectMembersChanged;

/**
 * The topics of the event contract and the value schema of each.
 *
 * <p>Subjects follow Confluent's default {@code TopicNameStrategy} ({@code <topic>-value}). A topic that carries
 * several event types has a top-level Avro union of them as its value schema, so one subject holds the whole
 * contract of the topic, its compatibility is checked as one, and a consumer with Confluent's stock deserializer
 * and default settings reads every event. New event types are appended to the union (a BACKWARD compatible
 * change); no branch is ever removed or reordered. See docs/decisions/0001-subjects-and-unions.md.
 */
public enum EventTopic {

    PROJECTS("stegvis.projects.v1", ProjectDefined.getClassSchema()),
    PARTICIPANTS("stegvis.participants.v1", ParticipantEnrolled.getClassSchema(),
            ParticipantEntryDataCorrected.getClassSchema(), ParticipantLeft.getClassSchema(),
            ParticipantErased.getClassSchema()),
    ACTIVITIES("stegvis.activities.v1", ActivityRecorded.getClassSchema(), ActivityRetracted.getClassSchema()),
    OUTCOMES("stegvis.outcomes.v1", OutcomeRecorded.getClassSchema(), OutcomeRetracted.getClassSchema()),
    MEMBERSHIPS("stegvis.memberships.v1", ProjectMembersChanged.getClassSchema());

    private final String topicName;
    private final Schema valueSchema;

    EventTopic(String topicName, Schema... eventSchemas) {
        this.topicName = topicName;
        this.valueSchema = eventSchemas.length == 1 ? eventSchemas[0] : Schema.createUnion(eventSchemas);
    }

    public String topicName() {
        return topicName;
    }

    /**
     * Whether the topic carries each key's full state, so that compaction keeps exactly what a consumer needs: the
     * project catalogue and the project memberships (keyed by project id). The participant-scoped topics carry
     * changes and keep every event.
     */
    public boolean compacted() {
        return this == PROJECTS || this == MEMBERSHIPS;
    }

    /**
     * The topic configuration every event topic is created with: nothing is ever deleted, since a read model or a
     * replica rebuilt from the start must find every event. Compacted topics keep each key's latest state; the others
     * keep everything, without a time or size limit (Kafka's default would delete events after 7 days).
     */
    public Map<String, String> topicConfigs() {
        if (compacted()) {
            return Map.of("cleanup.policy", "compact");
        }
        return Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");
    }

    /** The subject under which the value schema is registered: Confluent's TopicNameStrategy. */
    public String valueSubject() {
        return topicName + "-value";
    }

    /** The schema every value on the topic is written with: the event record, or the union of the event records. */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** The event record schemas that may appear on the topic. */
    public List<Schema> eventSchemas() {
        return valueSchema.getType() == Schema.Type.UNION ? valueSchema.getTypes() : List.of(valueSchema);
    }

    public static Optional<EventTopic> byTopicName(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }
}
