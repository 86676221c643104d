package se.stegvis.reporting.indicators.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import se.stegvis.reporting.indicators.application.SubmittedReport;
import se.stegvis.reporting.indicators.domain.Gender;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ReportTable;
import se.stegvis.testsupport.SharedMongo;

/**
 * The submitted reports on the shared Mongo-wire server: one per project and cut-off however many submissions race,
 * read back exactly (figures, a share's decimals, the bytes), and a project's period start kept beside the read model.
 */
class MongoSubmittedReportsIT {

    private static final LocalDate CUT_OFF = LocalDate.of(2025, 12, 31);
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        ConnectionString uri = new ConnectionString(SharedMongo.freshDatabase("reporting-reports"));
        client = MongoClients.create(uri);
        database = client.getDatabase(uri.getDatabase());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static SubmittedReport report(String projectId, LocalDate cutOff, String by, byte[] csv) {
        ReportTable figures = new ReportTable(projectId, cutOff, Instant.parse("2025-11-30T08:00:00Z"), List.of(
                new ReportTable.Row(ReportTable.Kind.INDICATOR, "participants", "Participants", 3,
                        Map.of(Gender.WOMAN, 1, Gender.MAN, 2), null, null, null),
                new ReportTable.Row(ReportTable.Kind.TARGET, "share", "share", 1, Map.of(Gender.MAN, 1), 70,
                        new BigDecimal("33.30"), 3)));
        return new SubmittedReport(projectId, cutOff, Instant.parse("2026-01-10T09:15:00.123Z"), by, figures, csv,
                new byte[] {0x50, 0x4b, 0, (byte) 0xff});
    }

    @Test
    void a_report_reads_back_exactly_and_a_second_of_the_same_project_and_cut_off_is_refused() {
        MongoSubmittedReports store = new MongoSubmittedReports(database.getCollection("once"));
        SubmittedReport first = report("99-001-A", CUT_OFF, "first-owner", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a'});
        assertThat(store.add(first)).isTrue();
        assertThat(store.add(report("99-001-A", CUT_OFF, "second-owner", new byte[] {'b'}))).isFalse();
        assertThat(store.add(report("99-001-A", LocalDate.of(2025, 6, 30), "first-owner", new byte[] {'c'}))).isTrue();
        assertThat(store.add(report("99-002-B", CUT_OFF, "other-owner", new byte[] {'d'}))).isTrue();

        SubmittedReport read = store.find("99-001-A", CUT_OFF).orElseThrow();
        assertThat(read.submittedBy()).isEqualTo("first-owner");
        assertThat(read.submittedAt()).isEqualTo(first.submittedAt());
        assertThat(read.figures()).isEqualTo(first.figures());
        assertThat(read.figures().rows().get(1).actual()).isEqualTo(new BigDecimal("33.30"));
        assertThat(read.csv()).isEqualTo(first.csv());
        assertThat(read.xlsx()).isEqualTo(first.xlsx());
        assertThat(store.ofProject("99-001-A")).extracting(SubmittedReport::cutOff)
                .containsExactly(LocalDate.of(2025, 6, 30), CUT_OFF);
        assertThat(store.find("99-001-A", LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void of_submissions_racing_for_one_report_exactly_one_is_kept() throws Exception {
        MongoSubmittedReports store = new MongoSubmittedReports(database.getCollection("race"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> submissions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String by = "owner-" + i;
                submissions.add(() -> store.add(report("99-003-C", CUT_OFF, by, by.getBytes())));
            }
            List<Boolean> kept = new ArrayList<>();
            for (Future<Boolean> result : threads.invokeAll(submissions)) {
                kept.add(result.get());
            }
            assertThat(kept).containsOnlyOnce(true);
        } finally {
            threads.shutdown();
        }
        assertThat(store.ofProject("99-003-C")).hasSize(1);
    }

    @Test
    void a_projects_period_start_is_kept_and_one_stored_without_it_reads_as_unknown() {
        MongoProjectStore projects = new MongoProjectStore(database.getCollection("projects"));
        ProjectDefinition sample = InventedParticipants.project(List.of());
        ProjectDefinition started = new ProjectDefinition(sample.eventId(), sample.occurredAt(), sample.projectId(), sample.name(),
                sample.regionName(), sample.nuts2(), sample.plannedParticipants(), sample.targets(), sample.targetGroups(),
                LocalDate.of(2024, 9, 2));
        projects.save(started);
        assertThat(projects.project(sample.projectId())).hasValue(started);
        database.getCollection("projects").updateOne(new org.bson.Document("_id", sample.projectId()),
                new org.bson.Document("$unset", new org.bson.Document("periodStart", "")));
        assertThat(projects.project(sample.projectId()).orElseThrow().periodStart()).isNull();
    }
}
