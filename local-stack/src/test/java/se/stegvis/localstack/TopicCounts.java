package se.stegvis.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * What the participant-scoped topics hold, read from the start to their current end and decoded with the project's
 * serde: for every enrolment, activity and outcome (by the id it created) and every retraction of an activity or
 * outcome (by the id it retracted) the distinct eventIds that announce it, and how many records there were in all (a
 * record repeated with the same eventId is an at-least-once redelivery, which consumers skip; a second eventId for one
 * command would be counted twice).
 */
final class TopicCounts {

    /** One kind of command on the topics: eventIds by the id the command created, its participant, the records. */
    static final class Announced {
        private final Map<String, Set<UUID>> eventIds = new HashMap<>();
        private final Map<String, String> participantOf = new HashMap<>();
        private final Map<String, String> projectOf = new HashMap<>();
        private final Map<String, Integer> recordsOf = new HashMap<>();

        private void add(String id, UUID eventId, String participantId, String projectId) {
            eventIds.computeIfAbsent(id, key -> new HashSet<>()).add(eventId);
            participantOf.put(id, participantId);
            projectOf.put(id, projectId);
            recordsOf.merge(id, 1, Integer::sum);
        }

        /** The ids of the commands whose participant is one of {@code participants}. */
        Set<String> idsOf(Set<String> participants) {
            Set<String> ids = new HashSet<>();
            participantOf.forEach((id, participant) -> {
                if (participants.contains(participant)) {
                    ids.add(id);
                }
            });
            return ids;
        }

        Set<String> idsIn(String projectId) {
            Set<String> ids = new HashSet<>();
            projectOf.forEach((id, project) -> {
                if (project.equals(projectId)) {
                    ids.add(id);
                }
            });
            return ids;
        }

        int eventIdsOf(String id) {
            return eventIds.getOrDefault(id, Set.of()).size();
        }

        int distinctEvents(Set<String> ids) {
            return ids.stream().mapToInt(this::eventIdsOf).sum();
        }

        int records(Set<String> ids) {
            return ids.stream().mapToInt(id -> recordsOf.getOrDefault(id, 0)).sum();
        }
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    Announced of(Ledger.Kind kind) {
        return switch (kind) {
            case ENROLMENT -> enrolments;
            case ACTIVITY -> activities;
            case OUTCOME -> outcomes;
            case ACTIVITY_RETRACTION -> activityRetractions;
            case OUTCOME_RETRACTION -> outcomeRetractions;
        };
    }

    final Announced enrolments = new Announced();
    final Announced activities = new Announced();
    final Announced outcomes = new Announced();
    final Announced activityRetractions = new Announced();
    final Announced outcomeRetractions = new Announced();

    static TopicCounts read(String bootstrapServers, String registryUrl) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", "true"), false);
        TopicCounts counts = new TopicCounts();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, List.of(EventTopic.PARTICIPANTS, EventTopic.ACTIVITIES, EventTopic.OUTCOMES));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the topics were not read to their end " + ends + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    counts.add(deserializer.deserialize(record.topic(), record.value()));
                }
            }
        }
        return counts;
    }

    /** How many records the four topics hold: what a replay reads. */
    static long records(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, List.of(EventTopic.values()));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream().mapToLong(end -> end.getValue() - starts.get(end.getKey())).sum();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<EventTopic> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (EventTopic topic : topics) {
            consumer.partitionsFor(topic.topicName()).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private void add(Object event) {
        if (event instanceof ParticipantEnrolled enrolled) {
            String participant = enrolled.getParticipantId().toString();
            enrolments.add(participant, enrolled.getEventId(), participant, enrolled.getProjectId());
        } else if (event instanceof ActivityRecorded recorded) {
            activities.add(recorded.getActivityId().toString(), recorded.getEventId(), recorded.getParticipantId().toString(),
                    recorded.getProjectId());
        } else if (event instanceof OutcomeRecorded recorded) {
            outcomes.add(recorded.getOutcomeId().toString(), recorded.getEventId(), recorded.getParticipantId().toString(),
                    recorded.getProjectId());
        } else if (event instanceof ActivityRetracted retracted) {
            activityRetractions.add(retracted.getActivityId().toString(), retracted.getEventId(), retracted.getParticipantId().toString(),
                    retracted.getProjectId());
        } else if (event instanceof OutcomeRetracted retracted) {
            outcomeRetractions.add(retracted.getOutcomeId().toString(), retracted.getEventId(), retracted.getParticipantId().toString(),
                    retracted.getProjectId());
        }
    }
}
