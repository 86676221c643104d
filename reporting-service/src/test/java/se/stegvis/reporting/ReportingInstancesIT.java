package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.stegvis.events.Gender;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/**
 * More than one reporting-service: an instance with its own consumer group and database shows the whole view; a
 * second instance in the same group, or on the same database, is refused with a message saying what to change, and
 * never shows partial counts; the first instance goes on counting everything.
 */
class ReportingInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long a member that seems gone is given to leave the group, shortened from the default for the test. */
    private static final String SHORT_PATIENCE = "--stegvis.projection.sole-instance.patience=PT3S";

    private static final List<String> firstRefusals = new CopyOnWriteArrayList<>();
    private static RunningReportingService first;
    private static String mongoUri;
    private static String group;

    @BeforeAll
    static void start() {
        mongoUri = SharedMongo.freshDatabase("reporting-instances");
        group = "reporting-instances-" + UUID.randomUUID();
        first = RunningReportingService.startNotingRefusals(mongoUri, group, firstRefusals, SHORT_PATIENCE);
    }

    @AfterAll
    static void stop() {
        first.close();
    }

    @Test
    void a_second_instance_in_the_same_consumer_group_is_refused_and_the_first_goes_on_counting_everything() {
        String project = definedProjectCounting(first, 2);
        List<String> refusals = new CopyOnWriteArrayList<>();
        try (RunningReportingService second = RunningReportingService.startNotingRefusals(SharedMongo.freshDatabase("reporting-second"),
                group, refusals, SHORT_PATIENCE)) {
            await("the second refused").atMost(PATIENCE).until(() -> !refusals.isEmpty());
            assertThat(refusals).singleElement().asString().contains("Consumer group " + group, "partial figures",
                    "stegvis.projection.group-id");
            assertThat(second.http().get("/readyz").status()).as("the refused instance is not ready").isEqualTo(503);
            assertThat(members(group)).as("members of the group").isEqualTo(1);
            second.grant(project, RunningReportingService.READER, "STAFF");
            assertThat(second.reader().get("/api/projects/" + project + "/indicators").status())
                    .as("the refused instance shows no figures of the project, partial or not").isEqualTo(404);
        }
        publishEnrolments(first, project, 3);
        ProjectView.await(first.reader(), project, view -> view.get("participants").asInt() == 5);
        assertThat(firstRefusals).isEmpty();
    }

    @Test
    void a_second_instance_on_the_same_database_is_refused() {
        List<String> refusals = new CopyOnWriteArrayList<>();
        try (RunningReportingService second = RunningReportingService.startNotingRefusals(mongoUri, "reporting-other-" + UUID.randomUUID(),
                refusals, SHORT_PATIENCE)) {
            await("the second refused").atMost(PATIENCE).until(() -> !refusals.isEmpty());
            assertThat(refusals).singleElement().asString().contains("read model in database", "spring.mongodb.uri");
            assertThat(second.http().get("/readyz").status()).isEqualTo(503);
        }
        assertThat(firstRefusals).as("the first instance keeps its lease").isEmpty();
    }

    @Test
    void an_instance_with_its_own_group_and_database_shows_the_whole_view() {
        String project = definedProjectCounting(first, 4);
        try (RunningReportingService other = RunningReportingService.startNotingRefusals(SharedMongo.freshDatabase("reporting-own"),
                "reporting-own-" + UUID.randomUUID(), new CopyOnWriteArrayList<>(), SHORT_PATIENCE)) {
            other.grant(project, RunningReportingService.READER, "STAFF");
            ProjectView.await(other.reader(), project, view -> view.get("participants").asInt() == 4);
        }
    }

    /** A new project on the instance with that many enrolments, counted. */
    private static String definedProjectCounting(RunningReportingService service, int enrolments) {
        String project = service.newProject();
        service.upstream().publish(InventedEvents.project(project, "Två instanser"));
        publishEnrolments(service, project, enrolments);
        ProjectView.await(service.reader(), project, view -> view.get("participants").asInt() == enrolments);
        return project;
    }

    private static void publishEnrolments(RunningReportingService service, String project, int count) {
        for (int i = 0; i < count; i++) {
            service.upstream().publish(InventedEvents.enrolled(project, UUID.randomUUID(), Gender.WOMAN, 30 + i));
        }
    }

    private static int members(String group) {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
