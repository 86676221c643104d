package se.stegvis.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.replica.Events.corrected;
import static se.stegvis.replica.Events.enrolled;
import static se.stegvis.replica.Events.erased;
import static se.stegvis.replica.Events.left;
import static se.stegvis.replica.Events.projectDefined;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import se.stegvis.schemas.SampleEvents;
import se.stegvis.testsupport.ScanCountingMongo;

/**
 * A batch applied in one go: one read and one bulk write per collection, the state that applying its events one by one
 * gives, a write that lost a race to another writer done again on what that writer stored, and no collection read in
 * full (counted by the Mongo-wire server itself).
 */
class MongoReplicaBatchIT {

    private static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    private static final LocalDate FEB_1 = LocalDate.of(2025, 2, 1);
    private static final LocalDate JULY_20 = LocalDate.of(2025, 7, 20);

    private final String projectId = Events.newProjectId();
    private final String name = "replica-batch-" + UUID.randomUUID();
    private final MongoClient client = MongoClients.create(ScanCountingMongo.connectionString());
    private final MongoDatabase database = client.getDatabase(name);
    private final ObservedDatabase observed = new ObservedDatabase(database);
    private final MongoReplica replica = new MongoReplica(observed.database());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void a_batch_is_one_read_and_one_bulk_write_per_collection_and_reads_no_collection_in_full() {
        List<SpecificRecord> batch = new ArrayList<>(List.of(projectDefined(projectId, 0, "DIGITAL_GUIDANCE")));
        for (int i = 0; i < 20; i++) {
            UUID participant = UUID.randomUUID();
            batch.addAll(List.of(enrolled(projectId, participant, FEB_3, 1), left(projectId, participant, JULY_20, 3)));
        }
        replica.apply(List.of(projectDefined(projectId, -1, "INTERNSHIP"), enrolled(projectId, UUID.randomUUID(), FEB_3, 0)));
        int finds = observed.calls(MongoReplica.PARTICIPANTS, "find");
        int writes = observed.calls(MongoReplica.PARTICIPANTS, "bulkWrite");
        long projectScans = ScanCountingMongo.scans(name, MongoReplica.PROJECTS);
        long participantScans = ScanCountingMongo.scans(name, MongoReplica.PARTICIPANTS);

        replica.apply(batch);

        assertThat(observed.calls(MongoReplica.PARTICIPANTS, "find") - finds).isEqualTo(1);
        assertThat(observed.calls(MongoReplica.PARTICIPANTS, "bulkWrite") - writes).isEqualTo(1);
        assertThat(ScanCountingMongo.scans(name, MongoReplica.PROJECTS)).as("full reads of the projects").isEqualTo(projectScans);
        assertThat(ScanCountingMongo.scans(name, MongoReplica.PARTICIPANTS)).as("full reads of the participants").isEqualTo(participantScans);
        assertThat(replica.leftParticipantsOf(projectId)).hasSize(20);
        assertThat(replica.project(projectId).orElseThrow().activityTypes()).containsExactly("DIGITAL_GUIDANCE");
    }

    @Test
    void a_history_with_repeats_and_events_out_of_order_in_batches_gives_the_state_of_applying_it_event_by_event() {
        List<UUID> participants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<SpecificRecord> history = new ArrayList<>(List.of(projectDefined(projectId, 0, "DIGITAL_GUIDANCE"),
                projectDefined(projectId, 5, "INTERNSHIP")));
        int minute = 1;
        for (UUID participant : participants) {
            history.addAll(List.of(enrolled(projectId, participant, FEB_3, minute), corrected(projectId, participant, FEB_1, minute + 1),
                    left(projectId, participant, JULY_20, minute + 2)));
            minute += 3;
        }
        history.add(erased(projectId, participants.get(2), 40));
        List<SpecificRecord> delivered = new ArrayList<>(history);
        delivered.addAll(history.subList(0, 7));
        Collections.shuffle(delivered, new Random(7));
        MongoReplica oneByOne = new MongoReplica(client.getDatabase(name + "-one-by-one"));

        delivered.forEach(oneByOne::apply);
        for (int from = 0; from < delivered.size(); from += 5) {
            replica.apply(delivered.subList(from, Math.min(delivered.size(), from + 5)));
        }

        for (UUID participant : participants) {
            assertThat(replica.participant(participant)).isEqualTo(oneByOne.participant(participant)).isPresent();
        }
        assertThat(replica.participant(participants.get(0)))
                .contains(new ReplicatedParticipant(participants.get(0), projectId, FEB_1, JULY_20, false));
        assertThat(replica.participant(participants.get(2)).orElseThrow().erased()).isTrue();
        assertThat(replica.project(projectId)).isEqualTo(oneByOne.project(projectId));
        assertThat(replica.project(projectId).orElseThrow().activityTypes()).containsExactly("INTERNSHIP");
    }

    @Test
    void a_batch_applied_again_writes_nothing() {
        UUID participant = UUID.randomUUID();
        List<SpecificRecord> batch = List.of(projectDefined(projectId, 0, "DIGITAL_GUIDANCE"), enrolled(projectId, participant, FEB_3, 1),
                left(projectId, participant, JULY_20, 2));
        replica.apply(batch);
        int writes = observed.calls(MongoReplica.PARTICIPANTS, "bulkWrite") + observed.calls(MongoReplica.PROJECTS, "bulkWrite");

        replica.apply(batch);

        assertThat(observed.calls(MongoReplica.PARTICIPANTS, "bulkWrite") + observed.calls(MongoReplica.PROJECTS, "bulkWrite"))
                .isEqualTo(writes);
        assertThat(replica.participant(participant)).contains(new ReplicatedParticipant(participant, projectId, FEB_3, JULY_20, false));
    }

    @Test
    void a_replacement_that_lost_a_race_is_folded_again_onto_what_the_other_writer_stored() {
        UUID participant = UUID.randomUUID();
        MongoReplica other = new MongoReplica(database);
        other.apply(enrolled(projectId, participant, FEB_3, 1));
        observed.beforeNextBulkWrite(MongoReplica.PARTICIPANTS, () -> other.apply(corrected(projectId, participant, FEB_1, 2)));

        replica.apply(List.of(left(projectId, participant, JULY_20, 3), SampleEvents.activityRecorded()));

        assertThat(replica.participant(participant)).contains(new ReplicatedParticipant(participant, projectId, FEB_1, JULY_20, false));
    }

    @Test
    void an_insert_that_lost_a_race_is_folded_again_onto_what_the_other_writer_inserted() {
        UUID participant = UUID.randomUUID();
        UUID alone = UUID.randomUUID();
        MongoReplica other = new MongoReplica(database);
        observed.beforeNextBulkWrite(MongoReplica.PARTICIPANTS, () -> other.apply(left(projectId, participant, JULY_20, 3)));

        replica.apply(List.of(enrolled(projectId, participant, FEB_3, 1), enrolled(projectId, alone, FEB_1, 1)));

        assertThat(replica.participant(participant)).contains(new ReplicatedParticipant(participant, projectId, FEB_3, JULY_20, false));
        assertThat(replica.participant(alone)).contains(new ReplicatedParticipant(alone, projectId, FEB_1, null, false));
    }

    @Test
    void a_project_definition_that_lost_a_race_to_a_newer_one_is_left_out() {
        MongoReplica other = new MongoReplica(database);
        other.apply(projectDefined(projectId, 1, "DIGITAL_GUIDANCE"));
        observed.beforeNextBulkWrite(MongoReplica.PROJECTS, () -> other.apply(projectDefined(projectId, 3, "INTERNSHIP")));

        replica.apply(List.of(projectDefined(projectId, 2, "STUDIES")));

        assertThat(replica.project(projectId).orElseThrow().activityTypes()).containsExactly("INTERNSHIP");
    }
}
