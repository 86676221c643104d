package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.stegvis.reporting.ProjectView.indicator;
import static se.stegvis.reporting.ProjectView.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.Gender;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.testing.UpstreamEvents;

/**
 * reporting-service on the shared broker and Mongo-wire server with a participant store that can be cut off, as
 * MongoDB away would be. Reached only through Kafka and the service's own ports, so it holds whatever consumes the
 * topics inside the service.
 */
class ReadModelOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static CutOff participants;
    private static RunningReportingService service;
    private static UpstreamEvents topics;

    @BeforeAll
    static void start() {
        service = RunningReportingService.startWrapping(store -> participants = new CutOff(store));
        topics = service.upstream();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** The store back whatever a test left it as, so one failure is not every later test's too. */
    @AfterEach
    void storeBack() {
        participants.down = false;
        participants.loseNextAcknowledgement.set(false);
    }

    /**
     * Nothing lost and nothing counted twice across an outage: the batches that fail while the store is away are
     * applied again and again until it is back, one enrolment and one outcome arrive twice besides (and once more
     * after the outage), and the figures afterwards are exactly those of the events, not only their documents stored.
     */
    @Test
    void while_the_store_refuses_writes_the_lag_shows_the_growing_backlog_and_then_everything_counts_once() {
        String projectId = definedProject("Avbrott");
        List<UUID> enrolled = new ArrayList<>();
        List<Gender> genders = List.of(Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.WOMAN, Gender.WOMAN);

        participants.down = true;
        List<ParticipantEnrolled> enrolments = new ArrayList<>();
        for (Gender gender : genders) {
            UUID participant = UUID.randomUUID();
            enrolled.add(participant);
            enrolments.add(InventedEvents.enrolled(projectId, participant, gender, 30));
        }
        topics.publish(enrolments.subList(0, 3).toArray(SpecificRecord[]::new));
        await("the first three waiting").atMost(PATIENCE).until(() -> lag() >= 3);
        OutcomeRecorded employment = InventedEvents.employed(projectId, enrolled.get(1));
        topics.publish(enrolments.get(3), enrolments.get(4), enrolments.get(0), employment, employment);
        await("all eight waiting").atMost(PATIENCE).until(() -> lag() >= 8);
        assertThat(participants.store.participants(ids(enrolled))).isEmpty();

        participants.down = false;

        await("caught up again").atMost(PATIENCE).until(() -> lag() == 0);
        assertThat(participants.store.participants(ids(enrolled))).hasSize(5);
        String byGender = "{\"WOMAN\":3,\"MAN\":1,\"NON_BINARY\":1,\"NOT_STATED\":0}";
        assertCounted(service.reader().get("/api/projects/" + projectId + "/indicators").json(), 5, byGender, 1);

        // The same two once more, now onto the running counts, each followed on its partition by a later event of the
        // same participant, so that once those show, the copies have been applied.
        topics.publish(enrolments.get(0), employment, InventedEvents.corrected(projectId, enrolled.get(0), Gender.WOMAN, 56),
                InventedEvents.outcome(projectId, enrolled.get(1), "GAINED_QUALIFICATION"));
        JsonNode view = ProjectView.await(service.reader(), projectId, v -> indicator(v, "age-55-plus").get("total").asInt() > 0
                && indicator(v, "qualification-upon-leaving").get("total").asInt() > 0);
        assertCounted(view, 5, byGender, 1);
        assertThat(target(view, "work-or-studies").get("byGender").get("MAN").asInt()).isEqualTo(1);
    }

    /**
     * A write that landed but whose acknowledgement never came back (a timeout, a dropped connection): the batch
     * fails, its offsets are not committed, and it is applied again over documents that already hold its events.
     * The second pass finds nothing new to store, so it is the failed first pass that must leave the figures to be
     * counted again from the store; had the running counts been kept, these participants would never count.
     */
    @Test
    void a_batch_whose_write_landed_but_was_not_acknowledged_is_applied_again_and_counts_once() {
        String projectId = definedProject("Tappat kvitto");
        participants.loseNextAcknowledgement.set(true);

        UUID employed = UUID.randomUUID();
        topics.publish(InventedEvents.enrolled(projectId, UUID.randomUUID(), Gender.WOMAN, 30),
                InventedEvents.enrolled(projectId, employed, Gender.MAN, 30),
                InventedEvents.enrolled(projectId, UUID.randomUUID(), Gender.WOMAN, 30), InventedEvents.employed(projectId, employed));

        // Once the batch is read again the lag already shows it (measured when the batch failed), so 0 means applied.
        await("an acknowledgement lost, its batch applied again and everything since").atMost(PATIENCE)
                .until(() -> participants.askedAgain && lag() == 0);
        assertCounted(service.reader().get("/api/projects/" + projectId + "/indicators").json(), 3,
                "{\"WOMAN\":2,\"MAN\":1,\"NON_BINARY\":0,\"NOT_STATED\":0}", 1);
    }

    /**
     * A project defined and its (empty) figures read, the service caught up: from here on it keeps the figures as
     * running counts in memory, the path a batch that fails must not leave wrong.
     */
    private static String definedProject(String name) {
        String projectId = service.newProject();
        topics.publish(InventedEvents.project(projectId, name));
        ProjectView.await(service.reader(), projectId, view -> view.get("participants").asInt() == 0);
        await("caught up").atMost(PATIENCE).until(() -> lag() == 0);
        return projectId;
    }

    private static void assertCounted(JsonNode view, int participants, String byGender, int employedUponLeaving) {
        assertThat(view.get("participants").asInt()).as("participants").isEqualTo(participants);
        assertThat(indicator(view, "participants").get("byGender").toString()).as("participants by gender").isEqualTo(byGender);
        assertThat(indicator(view, "employed-upon-leaving").get("total").asInt()).as("employed upon leaving")
                .isEqualTo(employedUponLeaving);
    }

    private static double lag() {
        return service.projectionMetric("stegvis.consumer.lag");
    }

    private static List<String> ids(List<UUID> participants) {
        return participants.stream().map(UUID::toString).toList();
    }

    /**
     * A participant store that refuses every read and write of participants while it is down, as MongoDB away would,
     * and can lose the acknowledgement of one write.
     */
    private static final class CutOff implements ParticipantStore {

        private final ParticipantStore store;
        private volatile boolean down;
        /** The next write of participants is stored and then fails, as one whose acknowledgement is lost. */
        private final AtomicBoolean loseNextAcknowledgement = new AtomicBoolean();
        /** Participants read since an acknowledgement was lost: the failed batch is being applied again. */
        private volatile boolean askedAgain;
        private volatile boolean acknowledgementLost;

        CutOff(ParticipantStore store) {
            this.store = store;
        }

        @Override
        public Map<String, Stored> participants(Collection<String> participantIds) {
            refuseWhileDown(!participantIds.isEmpty());
            askedAgain |= acknowledgementLost && !participantIds.isEmpty();
            return store.participants(participantIds);
        }

        @Override
        public void save(List<Stored> changed) {
            refuseWhileDown(!changed.isEmpty());
            store.save(changed);
            if (!changed.isEmpty() && loseNextAcknowledgement.compareAndSet(true, false)) {
                acknowledgementLost = true;
                throw new IllegalStateException("the write landed, its acknowledgement did not");
            }
        }

        @Override
        public List<ProjectedParticipant> ofProject(String projectId) {
            refuseWhileDown(true);
            return store.ofProject(projectId);
        }

        @Override
        public void forEach(Consumer<ProjectedParticipant> action) {
            refuseWhileDown(true);
            store.forEach(action);
        }

        @Override
        public boolean isEmpty() {
            refuseWhileDown(true);
            return store.isEmpty();
        }

        @Override
        public void clear() {
            refuseWhileDown(true);
            store.clear();
        }

        private void refuseWhileDown(boolean asked) {
            if (down && asked) {
                throw new IllegalStateException("the store is away");
            }
        }
    }
}
