package se.stegvis.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.ActivityRetracted;
import se.stegvis.events.EducationLevel;
import se.stegvis.events.EntryData;
import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.Gender;
import se.stegvis.events.LabourMarketStatus;
import se.stegvis.events.LeavingReason;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.OutcomeRetracted;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ParticipantEntryDataCorrected;
import se.stegvis.events.ParticipantErased;
import se.stegvis.events.ParticipantLeft;
import se.stegvis.events.ProjectDefined;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionFunction;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;

/**
 * The replay's history, written once: a dozen invented projects, then invented participants one after another, each
 * with an enrolment, now and then a correction, a few activities (a few retracted), for most a leaving with outcomes
 * upon leaving and at six months (a few retracted), and for some an erasure. Seeded, so every run writes the same mix;
 * cut off at exactly the number of events asked for.
 */
final class ReplayEvents {

    static final int PROJECTS = 12;
    private static final Instant FIRST = Instant.parse("2024-09-02T08:00:00Z");
    private static final String[] ACTIVITY_TYPES = {"DIGITAL_GUIDANCE", "COACHING", "JOB_TRAINING", "STUDY_VISIT"};
    private static final String[] LEAVING_OUTCOMES = {"JOB_SEARCHING", "EMPLOYED", "IN_EDUCATION_OR_TRAINING", "GAINED_QUALIFICATION"};
    private static final String[] LATER_OUTCOMES = {"EMPLOYED", "IMPROVED_LABOUR_MARKET_SITUATION"};

    /** What was written: events per topic and how many participants they are about. */
    record Written(Map<String, Long> byTopic, int participants) {
        long total() {
            return byTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final KafkaProducer<String, Object> producer;
    private final long limit;
    private final Random random = new Random(20_250_301);
    private final Map<String, Long> byTopic = new LinkedHashMap<>();
    private long sent;

    private ReplayEvents(KafkaProducer<String, Object> producer, long limit) {
        this.producer = producer;
        this.limit = limit;
        for (EventTopic topic : ProjectionFunction.PROJECTED_TOPICS) {
            byTopic.put(topic.topicName(), 0L);
        }
    }

    /** A batching producer (linger 20 ms, 256 KiB batches) with the project's serializer, for writing history fast. */
    static KafkaProducer<String, Object> producer(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024, AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        ConfluentAvroSerializer values = new ConfluentAvroSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    static Written write(String bootstrapServers, String registryUrl, long events) {
        try (KafkaProducer<String, Object> producer = producer(bootstrapServers, registryUrl)) {
            ReplayEvents mix = new ReplayEvents(producer, events);
            for (int project = 0; project < PROJECTS; project++) {
                mix.send(EventTopic.PROJECTS, projectId(project), project(project));
            }
            int participants = 0;
            while (mix.sent < events) {
                mix.participant(participants++);
            }
            producer.flush();
            return new Written(Map.copyOf(mix.byTopic), participants);
        }
    }

    static String projectId(int project) {
        return String.format("99-%03d-B%02d", 100 + project, project + 1);
    }

    private static ProjectDefined project(int project) {
        String[][] regions = {{"Sydsverige", "SE22"}, {"Västsverige", "SE23"}, {"Norra Mellansverige", "SE31"}};
        return ProjectDefined.newBuilder(SampleEvents.projectDefined()).setEventId(new UUID(project, project))
                .setOccurredAt(FIRST).setProjectId(projectId(project)).setName("Bänkprojekt " + (project + 1))
                .setRegionName(regions[project % 3][0]).setNuts2(regions[project % 3][1]).setPlannedParticipants(20_000)
                .setActivityTypes(List.of(ACTIVITY_TYPES)).setOutcomeTypes(List.of(LEAVING_OUTCOMES)).build();
    }

    private void participant(int index) {
        UUID id = new UUID(0x5354_4547_5649_5300L, index);
        String project = projectId(index % PROJECTS);
        LocalDate enrolled = LocalDate.of(2024, 9, 2).plusDays(random.nextInt(600));
        EntryData entry = entry(enrolled);
        send(EventTopic.PARTICIPANTS, id, new ParticipantEnrolled(eventId(), at(), project, id, entry));
        if (random.nextInt(10) == 0) {
            EntryData corrected = EntryData.newBuilder(entry).setEducationLevel(pick(EducationLevel.values())).build();
            send(EventTopic.PARTICIPANTS, id, new ParticipantEntryDataCorrected(eventId(), at(), project, id, corrected));
        }
        for (int a = 0, activities = 1 + random.nextInt(6); a < activities; a++) {
            UUID activity = eventId();
            send(EventTopic.ACTIVITIES, id, new ActivityRecorded(eventId(), at(), project, id, activity, pick(ACTIVITY_TYPES),
                    enrolled.plusWeeks(a + 1), 0.5 + random.nextInt(8) / 2.0));
            if (random.nextInt(20) == 0) {
                send(EventTopic.ACTIVITIES, id, new ActivityRetracted(eventId(), at(), project, id, activity));
            }
        }
        if (random.nextInt(10) < 7) {
            LocalDate left = enrolled.plusDays(60 + random.nextInt(200));
            send(EventTopic.PARTICIPANTS, id, new ParticipantLeft(eventId(), at(), project, id, left, pick(LeavingReason.values())));
            outcome(project, id, pick(LEAVING_OUTCOMES), left, FollowUpPoint.UPON_LEAVING);
            if (random.nextBoolean()) {
                outcome(project, id, pick(LATER_OUTCOMES), left.plusMonths(6), FollowUpPoint.MONTHS_6);
            }
        }
        if (random.nextInt(100) == 0) {
            send(EventTopic.PARTICIPANTS, id, new ParticipantErased(eventId(), at(), project, id));
        }
    }

    private void outcome(String project, UUID participant, String type, LocalDate on, FollowUpPoint followUp) {
        UUID outcome = eventId();
        send(EventTopic.OUTCOMES, participant, new OutcomeRecorded(eventId(), at(), project, participant, outcome, type, on, followUp));
        if (random.nextInt(20) == 0) {
            send(EventTopic.OUTCOMES, participant, new OutcomeRetracted(eventId(), at(), project, participant, outcome));
        }
    }

    private EntryData entry(LocalDate enrolled) {
        return EntryData.newBuilder(SampleEvents.entryData()).setEnrolledOn(enrolled).setGender(pick(Gender.values()))
                .setAgeAtEntry(16 + random.nextInt(50)).setLabourMarketStatus(pick(LabourMarketStatus.values()))
                .setEducationLevel(pick(EducationLevel.values())).setForeignBackground(random.nextInt(3) == 0)
                .setRuralArea(random.nextInt(4) == 0).build();
    }

    private void send(EventTopic topic, Object key, SpecificRecord event) {
        if (sent < limit) {
            producer.send(new ProducerRecord<>(topic.topicName(), key.toString(), event));
            byTopic.merge(topic.topicName(), 1L, Long::sum);
            sent++;
        }
    }

    /** Event times a minute apart in the order written, so "the one accepted last" is well defined. */
    private Instant at() {
        return FIRST.plusSeconds(60 * sent);
    }

    private UUID eventId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
