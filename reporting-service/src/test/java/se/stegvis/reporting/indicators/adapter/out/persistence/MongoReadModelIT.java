package se.stegvis.reporting.indicators.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.IndicatorTally;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.application.WorkingState;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;
import se.stegvis.reporting.indicators.domain.TargetDefinition;
import se.stegvis.reporting.indicators.domain.TargetUnit;
import se.stegvis.testsupport.SharedMongo;

/**
 * The MongoDB stores on the shared Mongo-wire server: what they keep reads back the same, in any order of events and
 * checkpoints, and no document grows with a participant's events.
 */
class MongoReadModelIT {

    private static final Caller STAFF = new Caller("staff-of-the-project", Set.of(), Map.of(PROJECT, ProjectRole.STAFF));

    private static final String ALEX = "0b6c3c9e-2222-4aaa-8bbb-000000000002";
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        ConnectionString uri = new ConnectionString(SharedMongo.freshDatabase("reporting-store"));
        client = MongoClients.create(uri);
        database = client.getDatabase(uri.getDatabase());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static final ProjectDefinition PROJECT_DEFINED = InventedParticipants.project(List.of(
            InventedParticipants.target("work", 60, TargetUnit.PARTICIPANTS, Set.of("EMPLOYED"), Set.of(), "UPON_LEAVING",
                    Map.of("WOMAN", 50, "MAN", 50)),
            InventedParticipants.target("guided", 100, TargetUnit.PERCENT, Set.of(), Set.of("DIGITAL_GUIDANCE"), null, Map.of())));

    private static List<ProjectionEvent> events() {
        return List.of(PROJECT_DEFINED,
                InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.MAN, 54, "homeless", "true")),
                InventedParticipants.corrected(ALEX, InventedParticipants.entry(Gender.WOMAN, 55, "homeless", "true"), T0.plusSeconds(30)),
                InventedParticipants.activity(ALEX, "a1", "DIGITAL_GUIDANCE"),
                InventedParticipants.outcome(ALEX, "o1", "JOB_SEARCHING", "UPON_LEAVING", LocalDate.of(2025, 8, 1), T0.plusSeconds(100)),
                InventedParticipants.outcome(ALEX, "o2", "EMPLOYED", "UPON_LEAVING", LocalDate.of(2025, 8, 3), T0.plusSeconds(150)),
                InventedParticipants.outcomeRetracted(ALEX, "o1", T0.plusSeconds(200)),
                InventedParticipants.left(ALEX), InventedParticipants.erased(ALEX));
    }

    private static MongoParticipantStore store(String name) {
        return new MongoParticipantStore(database.getCollection(name + "_participants"), database.getCollection(name + "_activities"),
                database.getCollection(name + "_outcomes"));
    }

    /** A read model on stores of its own name: the projection that writes it, and how to read it as after a restart. */
    private record ReadModel(MongoParticipantStore participants, MongoProjectStore projects, IndicatorProjection projection,
                             ReadIndicators read) {

        static ReadModel named(String name) {
            MongoParticipantStore participants = store(name);
            MongoProjectStore projects = new MongoProjectStore(database.getCollection("projects_" + name));
            WorkingState state = new WorkingState(participants, projects);
            IndicatorTally tally = new IndicatorTally(state, new IndicatorEngine(CATALOGUE), InventedParticipants.CLOCK);
            return new ReadModel(participants, projects, new IndicatorProjection(state, participants, projects, tally),
                    new ReadIndicators(tally, CATALOGUE));
        }

        /** The views of a fresh working state read from what the stores hold, as at a restart. */
        ReadIndicators restarted() {
            return new ReadIndicators(new IndicatorTally(new WorkingState(participants, projects), new IndicatorEngine(CATALOGUE),
                    InventedParticipants.CLOCK), CATALOGUE);
        }
    }

    @Test
    void shuffled_deliveries_with_repeats_end_in_the_view_of_one_delivery_in_order_and_so_does_a_restart() {
        ReadModel model = ReadModel.named("shuffled");
        IndicatorProjection projection = model.projection();
        ReadIndicators read = model.read();
        List<ProjectionEvent> events = events();
        projection.apply(events);
        ProjectFigures inOrder = read.ofProject(STAFF, PROJECT);
        assertThat(inOrder.targets().get(0).counted()).isEqualTo(1);

        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            projection.clear();
            List<ProjectionEvent> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);
            shuffled.forEach(event -> {
                projection.apply(List.of(event));
                if (random.nextInt(3) == 0) {
                    projection.store(projection.takeChanges());
                }
            });
            assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(inOrder);
            projection.store(projection.takeChanges());
            assertThat(model.restarted().ofProject(STAFF, PROJECT)).as("read back from the store").isEqualTo(inOrder);
        }
    }

    /**
     * What counting an earlier day needs (the enrolment, leaving, activity and outcome dates) is in the checkpoint:
     * a restart from it counts every day as the projection that wrote it.
     */
    @Test
    void a_restart_from_the_checkpoint_counts_earlier_days_by_their_business_dates_as_the_projection_did() {
        ReadModel model = ReadModel.named("dated");
        model.projection().apply(events());
        model.projection().store(model.projection().takeChanges());
        ReadIndicators read = model.read();
        ReadIndicators restarted = model.restarted();

        List<LocalDate> days = List.of(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 8, 2), LocalDate.of(2025, 8, 3));
        for (LocalDate day : days) {
            assertThat(restarted.ofProject(STAFF, PROJECT, day)).as("%s", day).isEqualTo(read.ofProject(STAFF, PROJECT, day));
        }
        assertThat(days.stream().map(day -> restarted.ofProject(STAFF, PROJECT, day))
                .map(figures -> List.of(figures.participants(), figures.targets().get(1).counted(), figures.targets().get(0).counted())))
                .as("participants, guided, employed upon leaving, day by day")
                .containsExactly(List.of(0, 0, 0), List.of(1, 0, 0), List.of(1, 1, 0), List.of(1, 1, 0), List.of(1, 1, 1));
    }

    @Test
    void a_project_stored_before_target_groups_were_kept_reads_with_none_and_its_targets_count_every_group() {
        MongoCollection<Document> documents = database.getCollection("projects_earlier_form");
        documents.insertOne(new Document("_id", PROJECT).append("eventId", "e0").append("occurredAt", Date.from(T0))
                .append("name", "Ett äldre projekt").append("regionName", "Sydsverige").append("nuts2", "SE22")
                .append("plannedParticipants", 40).append("targets", List.of(new Document("code", "guided").append("target", 40)
                        .append("unit", "PARTICIPANTS").append("outcomeTypes", List.of()).append("activityTypes", List.of("DIGITAL_GUIDANCE"))
                        .append("followUp", null).append("genderShares", new Document()))));

        ProjectDefinition read = new MongoProjectStore(documents).project(PROJECT).orElseThrow();

        assertThat(read.targetGroups()).isEmpty();
        assertThat(read.targets()).extracting(TargetDefinition::code, TargetDefinition::targetGroup).containsExactly(tuple("guided", null));
    }

    @Test
    void a_project_reads_back_with_its_target_groups_and_each_targets_group() {
        MongoProjectStore store = new MongoProjectStore(database.getCollection("projects_groups"));
        ProjectDefinition utvag = InventedParticipants.project(List.of(new TargetDefinition("digital-guidance-gang-defectors", 60,
                TargetUnit.PARTICIPANTS, Set.of(), Set.of("DIGITAL_GUIDANCE"), null, Map.of(), "GANG_DEFECTOR")),
                List.of("GANG_DEFECTOR", "DOMESTIC_VIOLENCE_VICTIM"));

        store.save(utvag);

        assertThat(store.project(PROJECT)).contains(utvag);
    }

    @Test
    void the_checkpoint_is_read_back_in_bounded_batches_so_a_large_one_never_needs_one_oversized_reply() {
        MongoParticipantStore written = store("batched");
        for (int i = 0; i < 2_500; i++) {
            String id = String.format("0b6c3c9e-3333-4aaa-8bbb-%012d", i);
            ProjectedParticipant participant = ProjectedParticipant.unknown(id);
            ParticipantEvent enrolled = InventedParticipants.enrolled(id, InventedParticipants.entry(Gender.WOMAN, 30));
            participant.apply(enrolled);
            written.save(changesOf(participant, List.of(enrolled)));
        }
        List<org.bson.BsonDocument> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MongoClient listened = listening("find", "getMore", reads)) {
            MongoDatabase same = listened.getDatabase(database.getName());
            MongoParticipantStore store = new MongoParticipantStore(same.getCollection("batched_participants"),
                    same.getCollection("batched_activities"), same.getCollection("batched_outcomes"));
            List<ProjectedParticipant> read = new ArrayList<>();
            store.load(read::add);

            assertThat(read).hasSize(2_500);
            assertThat(reads).as("the reads of the checkpoint").isNotEmpty().allSatisfy(command -> assertThat(command.containsKey("batchSize"))
                    .as("%s asks for a bounded batch", command.toJson()).isTrue());
            assertThat(reads).allSatisfy(command -> assertThat(command.getNumber("batchSize").intValue())
                    .isLessThanOrEqualTo(MongoParticipantStore.READ_BATCH));
            assertThat(reads.stream().filter(command -> command.containsKey("getMore")).count())
                    .as("2,500 participants take several replies").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void participants_the_store_has_nothing_of_are_inserted_and_one_that_is_there_after_all_is_replaced() {
        List<ProjectedParticipant> written = new ArrayList<>();
        List<ParticipantEvent> applied = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = String.format("0b6c3c9e-4444-4aaa-8bbb-%012d", i);
            ProjectedParticipant participant = ProjectedParticipant.unknown(id);
            List<ParticipantEvent> events = List.of(InventedParticipants.enrolled(id, InventedParticipants.entry(Gender.WOMAN, 30 + i)),
                    InventedParticipants.activity(id, "activity-" + i, "DIGITAL_GUIDANCE"));
            events.forEach(participant::apply);
            written.add(participant);
            applied.addAll(events);
        }
        List<org.bson.BsonDocument> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MongoClient listened = listening("insert", "update", commands)) {
            MongoDatabase same = listened.getDatabase(database.getName());
            MongoParticipantStore store = new MongoParticipantStore(same.getCollection("inserted_participants"),
                    same.getCollection("inserted_activities"), same.getCollection("inserted_outcomes"));
            Set<String> ids = new LinkedHashSet<>(written.stream().map(ProjectedParticipant::participantId).toList());

            store.save(changesOf(written.subList(0, 1), applied, ids));
            assertThat(commands).as("a first checkpoint of participants the store has nothing of").isNotEmpty()
                    .allSatisfy(command -> assertThat(command.containsKey("insert")).as(command.toJson()).isTrue());

            // The first participant's documents are there (a checkpoint died after writing them), and they changed since.
            ProjectedParticipant first = written.get(0);
            ParticipantEvent corrected = InventedParticipants.corrected(first.participantId(),
                    InventedParticipants.entry(Gender.MAN, 41), T0.plusSeconds(60));
            first.apply(corrected);
            applied.add(corrected);
            commands.clear();
            store.save(changesOf(written, applied, ids));

            assertThat(commands).as("the one there is replaced").anySatisfy(command -> assertThat(command.containsKey("update")).isTrue());
            List<ProjectedParticipant> read = new ArrayList<>();
            store.load(read::add);
            assertThat(read).extracting(ProjectedParticipant::state)
                    .containsExactlyInAnyOrderElementsOf(written.stream().map(ProjectedParticipant::state).toList());
        }
    }

    /** A client of the test's database that keeps each command of the given names it sends. */
    private static MongoClient listening(String oneName, String otherName, List<org.bson.BsonDocument> kept) {
        ConnectionString uri = new ConnectionString(SharedMongo.connectionString() + "/" + database.getName());
        return MongoClients.create(com.mongodb.MongoClientSettings.builder().applyConnectionString(uri)
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (event.getCommandName().equals(oneName) || event.getCommandName().equals(otherName)) {
                            kept.add(event.getCommand().clone());
                        }
                    }
                }).build());
    }

    @Test
    void a_participant_reads_back_exactly_as_it_was_stored() {
        MongoParticipantStore store = store("roundtrip");
        ProjectedParticipant participant = ProjectedParticipant.unknown(ALEX);
        List<ParticipantEvent> applied = events().stream().filter(ParticipantEvent.class::isInstance).map(ParticipantEvent.class::cast).toList();
        applied.forEach(participant::apply);

        store.save(changesOf(participant, applied));

        List<ProjectedParticipant> read = new ArrayList<>();
        store.load(read::add);
        assertThat(read).singleElement().extracting(ProjectedParticipant::state).isEqualTo(participant.state());
    }

    @Test
    void a_participants_documents_do_not_grow_with_their_events() {
        MongoParticipantStore store = store("bounded");
        ProjectedParticipant participant = ProjectedParticipant.unknown(ALEX);
        List<ParticipantEvent> first = List.of(InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.MAN, 30)),
                InventedParticipants.activity(ALEX, "activity-0", "DIGITAL_GUIDANCE"));
        first.forEach(participant::apply);
        store.save(changesOf(participant, first));
        int sizeAfterOne = largestDocument();

        List<ParticipantEvent> many = new ArrayList<>();
        for (int i = 1; i < 3_000; i++) {
            many.add(InventedParticipants.activity(ALEX, "activity-" + i, "DIGITAL_GUIDANCE"));
            if (i % 2 == 0) {
                many.add(InventedParticipants.activityRetracted(ALEX, "activity-" + i));
            }
        }
        many.forEach(participant::apply);
        store.save(changesOf(participant, many));

        assertThat(largestDocument()).as("bytes of the largest document after 1 and after 4,500 events").isEqualTo(sizeAfterOne);
        assertThat(database.getCollection("bounded_activities").countDocuments()).isEqualTo(3_000);
        List<ProjectedParticipant> read = new ArrayList<>();
        store.load(read::add);
        assertThat(read).singleElement().extracting(ProjectedParticipant::state).isEqualTo(participant.state());
    }

    private static int largestDocument() {
        int largest = 0;
        for (String collection : List.of("bounded_participants", "bounded_activities", "bounded_outcomes")) {
            for (org.bson.RawBsonDocument document : database.getCollection(collection, org.bson.RawBsonDocument.class).find()) {
                largest = Math.max(largest, document.getByteBuffer().remaining());
            }
        }
        return largest;
    }

    @Test
    void a_store_of_the_read_models_first_form_asks_for_a_replay() {
        MongoParticipantStore store = store("firstform");
        assertThat(store.ofAnEarlierForm()).isFalse();
        database.getCollection("firstform_participants").insertOne(new org.bson.Document("_id", ALEX).append("projectId", PROJECT)
                .append("revision", 3L).append("appliedEventIds", List.of("e1", "e2")));

        assertThat(store.ofAnEarlierForm()).isTrue();
        store.clear();
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void a_stored_entry_without_its_enrolment_day_asks_for_a_replay_and_one_with_it_does_not() {
        MongoParticipantStore store = store("enrolmentday");
        ProjectedParticipant enrolled = InventedParticipants.participant(ALEX, InventedParticipants.enrolled(ALEX,
                InventedParticipants.entry(Gender.WOMAN, 30)));
        store.save(new ParticipantStore.Changes(List.of(enrolled.facts()), List.of(), List.of()));
        assertThat(store.ofAnEarlierForm()).isFalse();

        database.getCollection("enrolmentday_participants").updateOne(new org.bson.Document("_id", ALEX),
                new org.bson.Document("$unset", new org.bson.Document("entry.attributes.enrolledOn", "")));

        assertThat(store.ofAnEarlierForm()).isTrue();
    }

    /** What the events changed of the participant, as a checkpoint takes it. */
    private static ParticipantStore.Changes changesOf(ProjectedParticipant participant, List<ParticipantEvent> events) {
        return changesOf(List.of(participant), events, Set.of());
    }

    /** What the events changed of the participants, as a checkpoint takes it, with those the store is said to have nothing of. */
    private static ParticipantStore.Changes changesOf(List<ProjectedParticipant> participants, List<ParticipantEvent> events,
            Set<String> unstored) {
        Map<String, ProjectedParticipant> byId = new java.util.HashMap<>();
        participants.forEach(participant -> byId.put(participant.participantId(), participant));
        Map<String, String> activities = new java.util.LinkedHashMap<>();
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        for (ParticipantEvent event : events) {
            if (!byId.containsKey(event.participantId())) {
                continue;
            }
            if (event instanceof ParticipantEvent.ActivityRecorded recorded) {
                activities.put(recorded.activity().activityId(), event.participantId());
            } else if (event instanceof ParticipantEvent.ActivityRetracted retracted) {
                activities.put(retracted.activityId(), event.participantId());
            } else if (event instanceof ParticipantEvent.OutcomeRecorded recorded) {
                outcomes.put(recorded.outcome().outcomeId(), event.participantId());
            } else if (event instanceof ParticipantEvent.OutcomeRetracted retracted) {
                outcomes.put(retracted.outcomeId(), event.participantId());
            }
        }
        return new ParticipantStore.Changes(participants.stream().map(ProjectedParticipant::facts).toList(),
                activities.entrySet().stream().map(each -> byId.get(each.getValue()).activity(each.getKey())).toList(),
                outcomes.entrySet().stream().map(each -> byId.get(each.getValue()).outcome(each.getKey())).toList(), unstored);
    }

    @Test
    void an_older_project_definition_does_not_replace_a_later_one() {
        MongoProjectStore store = new MongoProjectStore(database.getCollection("projects_versions"));
        ProjectDefinition later = new ProjectDefinition("e2", T0.plusSeconds(10), PROJECT, "Senare namn", "Sydsverige", "SE22", 130, List.of());
        ProjectDefinition earlier = new ProjectDefinition("e1", T0, PROJECT, "Tidigare namn", "Sydsverige", "SE22", 120, List.of());

        assertThat(store.save(later)).isTrue();
        assertThat(store.save(earlier)).isFalse();
        assertThat(store.save(later)).isFalse();
        assertThat(store.project(PROJECT)).contains(later);
    }
}
