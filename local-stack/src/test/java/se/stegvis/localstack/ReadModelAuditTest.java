package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadModelAudit} and {@link ExpectedFigures#ofLoads} against a checkpoint written by hand: what
 * FaultToleranceIT relies on them to catch (a retraction lost, a stray document, a type changed), each seen here
 * without starting the stack.
 */
class ReadModelAuditTest {

    private static final String PERSON = "p-1";
    private static final String OTHER = "p-2";

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private MongoClient mongo;
    private ReadModelAudit audit;
    private final Ledger ledger = new Ledger();

    @BeforeEach
    void aCheckpointHeldBeforeTheLoad() {
        int port = server.bind().getPort();
        mongo = DatabaseDump.client(port);
        participants().insertOne(participant("before"));
        activities().insertOne(new Document("_id", "a-before").append("participantId", "before").append("retracted", false)
                .append("type", "DIGITAL_GUIDANCE"));
        audit = new ReadModelAudit(port);
        ledger.accepted(Ledger.Kind.ENROLMENT, PERSON, PERSON, null);
        ledger.accepted(Ledger.Kind.ACTIVITY, "a-1", PERSON, "INDIVIDUAL_GUIDANCE");
        ledger.accepted(Ledger.Kind.ACTIVITY, "a-2", PERSON, "DIGITAL_GUIDANCE");
        ledger.accepted(Ledger.Kind.ACTIVITY_RETRACTION, "a-2", PERSON, null);
        ledger.accepted(Ledger.Kind.OUTCOME, "o-1", PERSON, "STEP_FORWARD");
        ledger.accepted(Ledger.Kind.OUTCOME, "o-2", PERSON, "EMPLOYED");
        ledger.accepted(Ledger.Kind.OUTCOME_RETRACTION, "o-2", PERSON, null);
        ledger.accepted(Ledger.Kind.ENROLMENT, OTHER, OTHER, null);
        ledger.accepted(Ledger.Kind.ACTIVITY, "a-3", OTHER, "DIGITAL_GUIDANCE");
        ledger.accepted(Ledger.Kind.OUTCOME, "o-3", OTHER, "STEP_FORWARD");
    }

    @AfterEach
    void stop() {
        audit.close();
        mongo.close();
        server.shutdownNow();
    }

    @Test
    void a_checkpoint_of_exactly_the_accepted_commands_retracted_ones_held_as_retracted_has_no_discrepancy() {
        holdTheLedger();

        assertThat(audit.discrepancies(List.of(ledger))).isEmpty();
    }

    @Test
    void a_retraction_that_did_not_reach_the_read_model_is_found() {
        holdTheLedger();
        activities().updateOne(new Document("_id", "a-2"), new Document("$set", new Document("retracted", false)));

        assertThat(audit.discrepancies(List.of(ledger))).containsExactly(PERSON + ": holds activities [a-1 INDIVIDUAL_GUIDANCE counted, "
                + "a-2 DIGITAL_GUIDANCE counted], accepted [a-1 INDIVIDUAL_GUIDANCE counted, a-2 DIGITAL_GUIDANCE retracted]");
    }

    @Test
    void a_retraction_whose_record_never_arrived_is_found() {
        holdTheLedger();
        outcomes().replaceOne(new Document("_id", "o-2"), new Document("_id", "o-2").append("participantId", PERSON).append("retracted", true));

        assertThat(audit.discrepancies(List.of(ledger))).singleElement().asString()
                .startsWith(PERSON + ": holds outcomes [o-1 STEP_FORWARD counted, o-2 - retracted]");
    }

    @Test
    void documents_no_load_accepted_are_found_beside_an_accepted_participant_of_the_project_and_without_one() {
        holdTheLedger();
        participants().insertOne(participant("stray"));
        activities().insertOne(new Document("_id", "a-stray").append("participantId", PERSON).append("retracted", false)
                .append("type", "DIGITAL_GUIDANCE"));
        outcomes().insertOne(new Document("_id", "o-orphan").append("participantId", "nobody").append("retracted", false)
                .append("type", "EMPLOYED"));
        outcomes().insertOne(new Document("_id", "o-stray").append("participantId", "before").append("retracted", false)
                .append("type", "EMPLOYED"));

        assertThat(audit.discrepancies(List.of(ledger))).containsExactlyInAnyOrder(
                "stray: in the read model of 23-073-S03, accepted by no load",
                PERSON + ": holds activities [a-1 INDIVIDUAL_GUIDANCE counted, a-2 DIGITAL_GUIDANCE retracted, a-stray DIGITAL_GUIDANCE counted], "
                        + "accepted [a-1 INDIVIDUAL_GUIDANCE counted, a-2 DIGITAL_GUIDANCE retracted]",
                "nobody: holds reporting_outcomes o-orphan without the participant's document, accepted by no load",
                "before: holds reporting_outcomes o-stray, accepted by no load");
    }

    @Test
    void an_activity_lost_or_of_another_type_is_found() {
        holdTheLedger();
        activities().deleteOne(new Document("_id", "a-3"));
        outcomes().updateOne(new Document("_id", "o-3"), new Document("$set", new Document("type", "EMPLOYED")));

        assertThat(audit.discrepancies(List.of(ledger))).containsExactlyInAnyOrder(
                OTHER + ": holds activities [], accepted [a-3 DIGITAL_GUIDANCE counted]",
                OTHER + ": holds outcomes [o-3 EMPLOYED counted], accepted [o-3 STEP_FORWARD counted]");
    }

    @Test
    void the_expected_view_counts_what_was_recorded_and_not_retracted() {
        assertThat(ExpectedFigures.ofLoads(List.of(ledger))).isEqualTo(new Convergence.ViewCounts(2, 1, 2, 0));
        Ledger later = new Ledger();
        later.accepted(Ledger.Kind.OUTCOME, "o-4", OTHER, "IN_EDUCATION_OR_TRAINING");

        assertThat(ExpectedFigures.ofLoads(List.of(ledger, later))).isEqualTo(new Convergence.ViewCounts(2, 1, 2, 1));
    }

    /** The checkpoint as the ledger says it should be. */
    private void holdTheLedger() {
        participants().insertMany(List.of(participant(PERSON), participant(OTHER)));
        activities().insertMany(List.of(held("a-1", PERSON, "INDIVIDUAL_GUIDANCE", false), held("a-2", PERSON, "DIGITAL_GUIDANCE", true),
                held("a-3", OTHER, "DIGITAL_GUIDANCE", false)));
        outcomes().insertMany(List.of(held("o-1", PERSON, "STEP_FORWARD", false), held("o-2", PERSON, "EMPLOYED", true),
                held("o-3", OTHER, "STEP_FORWARD", false)));
    }

    private static Document participant(String id) {
        return new Document("_id", id).append("projectId", InventedPeople.PROJECT).append("enrolled", true);
    }

    private static Document held(String id, String participant, String type, boolean retracted) {
        return new Document("_id", id).append("participantId", participant).append("retracted", retracted).append("type", type);
    }

    private MongoCollection<Document> participants() {
        return mongo.getDatabase("stegvis-reporting").getCollection("reporting_participants");
    }

    private MongoCollection<Document> activities() {
        return mongo.getDatabase("stegvis-reporting").getCollection("reporting_activities");
    }

    private MongoCollection<Document> outcomes() {
        return mongo.getDatabase("stegvis-reporting").getCollection("reporting_outcomes");
    }
}
