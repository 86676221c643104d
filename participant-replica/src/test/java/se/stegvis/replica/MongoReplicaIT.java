package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.replica.Events.corrected;
import static se.stegvis.replica.Events.enrolled;
import static se.stegvis.replica.Events.erased;
import static se.stegvis.replica.Events.left;
import static se.stegvis.replica.Events.projectDefined;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Updates;

import se.stegvis.schemas.SampleEvents;

/** The replica's rules on a real Mongo-wire server: duplicates, events out of order, replay, erasure. */
class MongoReplicaIT {

    private static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    private static final LocalDate FEB_1 = LocalDate.of(2025, 2, 1);
    private static final LocalDate JULY_20 = LocalDate.of(2025, 7, 20);

    private final String projectId = Events.newProjectId();
    private final UUID participantId = UUID.randomUUID();
    private final EmptyReplica store = new EmptyReplica("replica");
    private final MongoReplica replica = store.replica();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_project_reads_as_its_last_definition_with_follow_up_points_by_name() {
        replica.apply(projectDefined(projectId, 1, "DIGITAL_GUIDANCE"));
        replica.apply(projectDefined(projectId, 2, "DIGITAL_GUIDANCE", "INTERNSHIP"));

        assertThat(replica.project(projectId)).contains(new ReplicatedProject(projectId, LocalDate.of(2024, 9, 2),
                LocalDate.of(2027, 8, 31), List.of("DIGITAL_GUIDANCE", "INTERNSHIP"), List.of("EMPLOYED", "STEP_FORWARD"),
                List.of("UPON_LEAVING", "DAYS_90")));
    }

    @Test
    void a_project_is_read_from_the_store_at_most_once_a_second_and_at_once_after_this_replica_writes_one() {
        long[] now = {0};
        try (EmptyReplica timed = new EmptyReplica("replica", () -> now[0])) {
            MongoReplica remembering = timed.replica();
            remembering.apply(projectDefined(projectId, 1, "DIGITAL_GUIDANCE"));
            assertThat(remembering.project(projectId).orElseThrow().activityTypes()).containsExactly("DIGITAL_GUIDANCE");

            timed.database().getCollection(MongoReplica.PROJECTS)
                    .updateOne(new Document("_id", projectId), Updates.set("activityTypes", List.of("INTERNSHIP")));
            now[0] += MongoReplica.PROJECT_REMEMBERED.toNanos() - 1;
            assertThat(remembering.project(projectId).orElseThrow().activityTypes()).as("remembered, another instance's write unseen")
                    .containsExactly("DIGITAL_GUIDANCE");
            now[0] += 1;
            assertThat(remembering.project(projectId).orElseThrow().activityTypes()).as("read again once remembered long enough")
                    .containsExactly("INTERNSHIP");

            remembering.apply(projectDefined(projectId, 2, "WORK_TRAINING"));
            assertThat(remembering.project(projectId).orElseThrow().activityTypes()).as("its own write, at once")
                    .containsExactly("WORK_TRAINING");
            remembering.clear();
            assertThat(remembering.project(projectId)).as("cleared, at once").isEmpty();
        }
    }

    @Test
    void an_older_project_definition_delivered_after_a_newer_one_changes_nothing() {
        SpecificRecord older = projectDefined(projectId, 1, "DIGITAL_GUIDANCE");
        replica.apply(older);
        replica.apply(projectDefined(projectId, 2, "INTERNSHIP"));

        replica.apply(older);

        assertThat(replica.project(projectId).orElseThrow().activityTypes()).containsExactly("INTERNSHIP");
    }

    @Test
    void every_event_applied_twice_gives_the_state_of_applying_it_once() {
        List<SpecificRecord> history = history();
        history.forEach(replica::apply);
        ReplicatedParticipant once = replica.participant(participantId).orElseThrow();
        ReplicatedProject projectOnce = replica.project(projectId).orElseThrow();

        history.forEach(event -> {
            replica.apply(event);
            replica.apply(event);
        });

        assertThat(replica.participant(participantId)).contains(once);
        assertThat(replica.project(projectId)).contains(projectOnce);
        assertThat(once).isEqualTo(new ReplicatedParticipant(participantId, projectId, FEB_1, JULY_20, false));
    }

    @Test
    void an_enrolment_delivered_again_after_its_correction_does_not_move_the_enrolment_date_back() {
        SpecificRecord enrolled = enrolled(projectId, participantId, FEB_3, 1);
        replica.apply(enrolled);
        replica.apply(corrected(projectId, participantId, FEB_1, 2));

        replica.apply(enrolled);

        assertThat(replica.participant(participantId).orElseThrow().enrolledOn()).isEqualTo(FEB_1);
    }

    @Test
    void a_correction_older_than_the_stored_entry_data_is_left_out() {
        replica.apply(corrected(projectId, participantId, FEB_1, 5));

        replica.apply(corrected(projectId, participantId, FEB_3, 4));

        assertThat(replica.participant(participantId).orElseThrow().enrolledOn()).isEqualTo(FEB_1);
    }

    @Test
    void a_leaving_that_arrives_before_its_enrolment_is_kept_and_the_enrolment_completes_it() {
        replica.apply(left(projectId, participantId, JULY_20, 3));

        assertThat(replica.participant(participantId))
                .contains(new ReplicatedParticipant(participantId, projectId, null, JULY_20, false));

        replica.apply(enrolled(projectId, participantId, FEB_3, 1));

        assertThat(replica.participant(participantId))
                .contains(new ReplicatedParticipant(participantId, projectId, FEB_3, JULY_20, false));
    }

    @Test
    void an_erased_participant_stays_erased_whatever_comes_after_and_differs_from_one_never_heard_of() {
        replica.apply(enrolled(projectId, participantId, FEB_3, 1));
        replica.apply(erased(projectId, participantId, 2));

        replica.apply(enrolled(projectId, participantId, FEB_3, 1));
        replica.apply(corrected(projectId, participantId, FEB_1, 3));

        assertThat(replica.participant(participantId).orElseThrow().erased()).isTrue();
        assertThat(replica.participant(UUID.randomUUID())).isEmpty();
    }

    @Test
    void left_participants_of_a_project_are_those_who_left_and_are_not_erased() {
        UUID stillTakingPart = UUID.randomUUID();
        UUID leftAndErased = UUID.randomUUID();
        UUID leftElsewhere = UUID.randomUUID();
        replica.apply(enrolled(projectId, participantId, FEB_3, 1));
        replica.apply(left(projectId, participantId, JULY_20, 2));
        replica.apply(enrolled(projectId, stillTakingPart, FEB_3, 1));
        replica.apply(left(projectId, leftAndErased, JULY_20, 2));
        replica.apply(erased(projectId, leftAndErased, 3));
        replica.apply(left(Events.newProjectId(), leftElsewhere, JULY_20, 2));

        assertThat(replica.leftParticipantsOf(projectId))
                .containsExactly(new ReplicatedParticipant(participantId, projectId, FEB_3, JULY_20, false));
        assertThat(replica.leftParticipantsOf(Events.newProjectId())).isEmpty();
    }

    @Test
    void a_replay_into_an_emptied_store_gives_the_state_of_the_live_deliveries_with_their_repeats() {
        List<SpecificRecord> history = history();
        List<SpecificRecord> withRepeats = new ArrayList<>(history);
        withRepeats.add(history.get(1));
        withRepeats.add(history.get(0));
        withRepeats.forEach(replica::apply);
        ReplicatedParticipant live = replica.participant(participantId).orElseThrow();
        ReplicatedProject liveProject = replica.project(projectId).orElseThrow();

        replica.clear();
        assertThat(replica.participant(participantId)).isEmpty();
        history.forEach(replica::apply);

        assertThat(replica.participant(participantId)).contains(live);
        assertThat(replica.project(projectId)).contains(liveProject);
    }

    @Test
    void events_a_replica_does_not_keep_are_ignored() {
        replica.apply(SampleEvents.activityRecorded());
        replica.apply(SampleEvents.outcomeRecorded());

        assertThat(replica.participant(SampleEvents.PARTICIPANT_ID)).isEmpty();
    }

    private List<SpecificRecord> history() {
        return List.of(projectDefined(projectId, 0, "DIGITAL_GUIDANCE"), enrolled(projectId, participantId, FEB_3, 1),
                corrected(projectId, participantId, FEB_1, 2), left(projectId, participantId, JULY_20, 3));
    }
}
