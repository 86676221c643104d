package se.stegvis.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import se.stegvis.testing.Http;
import se.stegvis.testsupport.SharedMongo;

/**
 * The monthly SCB participant file through HTTP, from sealed storage: a month of Utväg II with people under every
 * protection level, leavings in, before and after the month, an enrolment after it and an erasure, read back as CSV
 * row by row; the audit trail and the log of the download; and bad requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScbParticipantFileIT {

    private static final String DATABASE = "participant-scb-it-" + UUID.randomUUID();
    private static final String MALMO = "23-073-S03";
    private static final String MARCH = "/api/projects/" + MALMO + "/scb/participants?month=2025-03";
    private static final List<String> HEADER = List.of("personnummer", "projekt", "startdatum", "slutdatum");

    private static RunningParticipantService service;
    private static MongoClient mongo;
    private static Http staff;
    private static Http auditor;

    @BeforeAll
    static void start() {
        service = RunningParticipantService.start(DATABASE);
        mongo = MongoClients.create(SharedMongo.connectionString());
        service.grant(MALMO, "scb-staff", "STAFF");
        staff = service.as("scb-staff");
        auditor = service.as("scb-auditor", "auditor");
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void a_months_file_holds_everyone_who_took_part_in_it_in_chronological_order_protected_people_by_scbs_code(CapturedOutput logs) {
        // Invented people; the last digit of the serial is the sex digit (even: a woman, so SCB's code ends Tf29).
        Person leftInside = enrol(LocalDate.of(1991, 2, 11), 412, "NONE", "2025-02-03");
        leave(leftInside, "2025-03-15");
        Person protectedAddress = enrol(LocalDate.of(1988, 7, 30), 422, "PROTECTED_ADDRESS", "2025-03-03");
        Person marked = enrol(LocalDate.of(1979, 12, 1), 431, "CONFIDENTIALITY_MARKING", "2024-11-18");
        leave(marked, "2025-04-10");
        Person fictitious = enrol(LocalDate.of(2001, 5, 9), 447, "FICTITIOUS_IDENTITY", "2025-03-31");
        Person leftBefore = enrol(LocalDate.of(1993, 9, 21), 454, "NONE", "2025-01-10");
        leave(leftBefore, "2025-02-28");
        Person enrolledAfter = enrol(LocalDate.of(1996, 3, 3), 468, "NONE", "2025-04-01");
        Person tiedStart = enrol(LocalDate.of(1985, 10, 17), 471, "NONE", "2025-03-03");
        leave(tiedStart, "2025-03-20");
        Person erasedLater = enrol(LocalDate.of(1999, 1, 25), 486, "NONE", "2025-03-05");

        assertThat(rows(staff.get(MARCH))).as("before the erasure").hasSize(6)
                .contains(List.of(erasedLater.digits(), MALMO, "2025-03-05", ""));
        assertThat(staff.delete("/api/participants/" + erasedLater.id()).status()).isEqualTo(204);

        Http.Reply march = staff.get(MARCH);

        assertThat(march.status()).isEqualTo(200);
        assertThat(march.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(march.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"scb-23-073-S03-2025-03.csv\"");
        assertThat(rows(march)).containsExactly(
                List.of("19791201Tf19", MALMO, "2024-11-18", ""),
                List.of(leftInside.digits(), MALMO, "2025-02-03", "2025-03-15"),
                List.of(tiedStart.digits(), MALMO, "2025-03-03", "2025-03-20"),
                List.of("19880730Tf29", MALMO, "2025-03-03", ""),
                List.of("20010509Tf19", MALMO, "2025-03-31", ""));
        assertThat(march.body()).doesNotContain(protectedAddress.digits(), marked.digits(), fictitious.digits(),
                leftBefore.digits(), enrolledAfter.digits(), erasedLater.digits(), "PROTECTED", "CONFIDENTIALITY", "FICTITIOUS");
        assertThat(rows(staff.get("/api/projects/" + MALMO + "/scb/participants?month=2025-04")))
                .as("a leaving after the month is in the file of its own month")
                .contains(List.of("19791201Tf19", MALMO, "2024-11-18", "2025-04-10"), List.of(enrolledAfter.digits(), MALMO, "2025-04-01", ""));

        List<Person> everyone = List.of(leftInside, protectedAddress, marked, fictitious, leftBefore, enrolledAfter, tiedStart, erasedLater);
        assertThat(logs.getAll()).contains("SCB participant file of project 23-073-S03 for 2025-03: 5 rows")
                .doesNotContain(everyone.stream().map(Person::digits).toArray(String[]::new))
                .doesNotContain("Tf19", "Tf29");
    }

    @Test
    void each_download_is_in_the_audit_trail_with_month_rows_and_whose_data_never_the_numbers() {
        Person someone = enrol(LocalDate.of(1994, 6, 6), 492, "PROTECTED_ADDRESS", "2025-05-12");
        String may = "/api/projects/" + MALMO + "/scb/participants?month=2025-05";
        assertThat(staff.get(may).status()).isEqualTo(200);

        Http.Reply trail = auditor.get("/api/audit?participantId=" + someone.id());
        List<tools.jackson.databind.JsonNode> downloads = trail.json().get("entries").valueStream()
                .filter(entry -> entry.get("action").asText().equals("SCB_FILE")).toList();
        assertThat(downloads).singleElement().satisfies(entry -> {
            assertThat(entry.get("subject").asText()).isEqualTo("scb-staff");
            assertThat(entry.get("projectId").asText()).isEqualTo(MALMO);
            assertThat(entry.get("file").get("month").asText()).isEqualTo("2025-05");
            assertThat(entry.get("file").get("rows").asInt()).isEqualTo(entry.get("participantIds").size()).isPositive();
            assertThat(entry.get("participantIds").valueStream().map(id -> id.asText())).contains(someone.id());
        });
        String raw = mongo.getDatabase(DATABASE).getCollection("audit").find().map(Document::toJson).into(new ArrayList<>()).toString();
        assertThat(raw).contains(someone.id()).doesNotContain(someone.digits(), someone.digits().substring(0, 8), "Tf29");
    }

    @Test
    void a_bad_month_or_an_unknown_project_is_a_problem_naming_the_field_whatever_the_client_accepts() {
        Map<String, String> cases = Map.of(
                "/api/projects/" + MALMO + "/scb/participants?month=2026-13", "month",
                "/api/projects/" + MALMO + "/scb/participants", "month",
                "/api/projects/" + MALMO + "/scb/participants?month=", "month",
                "/api/projects/99-999-X99/scb/participants?month=2025-03", "projectId");
        cases.forEach((path, field) -> {
            for (Map<String, String> accept : List.of(Map.<String, String>of(), Map.of("Accept", "text/csv"))) {
                Http.Reply reply = staff.send("GET", path, null, accept);
                assertThat(reply.status()).as(path + " " + accept).isEqualTo(field.equals("projectId") ? 404 : 400);
                assertThat(reply.contentType()).as(path + " " + accept).startsWith("application/problem+json");
                assertThat(reply.json().get("field").asText()).as(path).isEqualTo(field);
            }
        });
        assertThat(staff.get("/api/projects/" + MALMO + "/scb/participants?month=2026-13").body()).doesNotContain("2026-13");
    }

    private record Person(String id, String number) {
        String digits() {
            return number.replace("-", "");
        }
    }

    private static Person enrol(LocalDate born, int serial, String protection, String enrolledOn) {
        String number = InventedPeople.identityNumber(born, serial);
        Http.Reply reply = staff.post("/api/projects/" + MALMO + "/participants",
                InventedPeople.enrolment(number, "Påhittad", "Testperson", protection, enrolledOn, "GANG_DEFECTOR"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return new Person(reply.json().get("participantId").asText(), number);
    }

    private static void leave(Person person, String leftOn) {
        assertThat(staff.post("/api/participants/" + person.id() + "/leave", "{\"leftOn\": \"" + leftOn + "\", \"reason\": \"COMPLETED\"}")
                .status()).isEqualTo(200);
    }

    /** The file's lines after its header, each split at its semicolons, an empty last field kept. */
    private static List<List<String>> rows(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).endsWith("\r\n");
        List<List<String>> lines = Arrays.stream(reply.body().split("\r\n")).map(line -> List.of(line.split(";", -1))).toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(HEADER.size()));
        return lines.subList(1, lines.size());
    }
}
