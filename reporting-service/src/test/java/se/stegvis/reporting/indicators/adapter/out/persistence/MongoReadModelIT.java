package se.stegvis.reporting.indicators.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.T0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.reporting.indicators.application.ConcurrentChange;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.IndicatorTally;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.application.ReadIndicators;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectFigures;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.ProjectionEvent;
import se.stegvis.reporting.indicators.domain.TargetUnit;
import se.stegvis.testsupport.SharedMongo;

/** The MongoDB stores on the shared Mongo-wire server: what they keep reads back the same, in any order of events. */
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

    @Test
    void shuffled_deliveries_with_repeats_end_in_the_view_of_one_delivery_in_order() {
        MongoParticipantStore participants = new MongoParticipantStore(database.getCollection("participants_shuffled"));
        MongoProjectStore projects = new MongoProjectStore(database.getCollection("projects_shuffled"));
        IndicatorTally tally = new IndicatorTally(participants, projects, new IndicatorEngine(CATALOGUE));
        IndicatorProjection projection = new IndicatorProjection(participants, projects, tally);
        ReadIndicators read = new ReadIndicators(tally, CATALOGUE);
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
            shuffled.forEach(event -> projection.apply(List.of(event)));
            assertThat(read.ofProject(STAFF, PROJECT)).isEqualTo(inOrder);
        }
    }

    @Test
    void a_participant_reads_back_exactly_as_it_was_stored() {
        MongoParticipantStore store = new MongoParticipantStore(database.getCollection("participants_roundtrip"));
        ProjectedParticipant participant = ProjectedParticipant.unknown(ALEX);
        events().stream().filter(e -> !(e instanceof ProjectDefinition))
                .forEach(e -> participant.apply((se.stegvis.reporting.indicators.domain.ParticipantEvent) e));

        store.save(List.of(new ParticipantStore.Stored(participant, 0)));

        assertThat(store.participants(List.of(ALEX)).get(ALEX).participant().state()).isEqualTo(participant.state());
        assertThat(store.participants(List.of(ALEX)).get(ALEX).revision()).isEqualTo(1);
    }

    @Test
    void a_write_on_a_revision_that_moved_on_is_refused() {
        MongoParticipantStore store = new MongoParticipantStore(database.getCollection("participants_race"));
        ProjectedParticipant participant = InventedParticipants.participant(ALEX,
                InventedParticipants.enrolled(ALEX, InventedParticipants.entry(Gender.MAN, 30)));
        store.save(List.of(new ParticipantStore.Stored(participant, 0)));

        assertThatThrownBy(() -> store.save(List.of(new ParticipantStore.Stored(participant, 0)))).isInstanceOf(ConcurrentChange.class);
        store.save(List.of(new ParticipantStore.Stored(participant, 1)));
        assertThatThrownBy(() -> store.save(List.of(new ParticipantStore.Stored(participant, 1)))).isInstanceOf(ConcurrentChange.class);
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
