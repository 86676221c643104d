package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.events.Gender;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.ParticipantErased;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;

/**
 * The twice-yearly ESF+ report end to end: events in, the report's CSV and XLSX read back (a {@code ;} parser here,
 * POI for the spreadsheet) and compared cell by cell with the project's indicator view of the cut-off day; a
 * submission frozen byte for byte through a late outcome, an erasure and a rebuild of the read model, with an exact
 * difference; and what bad input gets.
 */
class EsfReportIT {

    /** A cut-off that has passed whenever this runs, after every date the invented events carry. */
    private static final String CUT_OFF = "2025-12-31";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> GENDERS = List.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");
    private static final List<String> HEADER = List.of("type", "code", "label", "total", "woman", "man", "non_binary",
            "not_stated", "target", "actual", "denominator");

    private static RunningReportingService service;

    @BeforeAll
    static void start() {
        service = RunningReportingService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** The bytes and headers of a download, as a browser would save them. */
    private static HttpResponse<byte[]> download(String subject, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + TestIssuer.shared().token(subject)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String reports(String projectId) {
        return "/api/projects/" + projectId + "/reports";
    }

    /** A project with one woman and one man enrolled, the man guided and employed upon leaving; OWNER and STAFF granted. */
    private static String projectWithFigures(String owner) {
        String project = service.newProject();
        service.grant(project, owner, "OWNER");
        UUID woman = UUID.randomUUID();
        UUID man = UUID.randomUUID();
        service.upstream().publish(InventedEvents.project(project, "Rapportprojektet"),
                InventedEvents.enrolled(project, woman, Gender.WOMAN, 24), InventedEvents.enrolled(project, man, Gender.MAN, 31),
                InventedEvents.guided(project, man), InventedEvents.employed(project, man));
        service.upstream().leave(man, project, LocalDate.of(2025, 8, 1));
        return project;
    }

    /** The report's JSON once its figures are final and satisfy the condition. */
    private static JsonNode awaitReport(Http http, String projectId, Predicate<JsonNode> until) {
        return ProjectView.awaitAt(http, reports(projectId) + "/" + CUT_OFF, report -> ProjectView.current(report) && until.test(report));
    }

    private static JsonNode row(JsonNode table, String type, String code) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("type").asString().equals(type) && row.get("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("No " + type + " " + code + " in " + table);
    }

    private static int participants(JsonNode report) {
        return report.get("figures").get("rows").get(0).get("total").asInt();
    }

    // --- what the downloads must say: the indicator view of the cut-off day, as rows of strings ---------------------

    /** Every row the downloads must have, from {@code GET .../indicators?asOf=<cutOff>}: numbers as plain decimals. */
    private static List<List<String>> expected(JsonNode view) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode indicator : view.get("indicators")) {
            List<String> row = new ArrayList<>(List.of("indicator", indicator.get("code").asString(), "*",
                    number(indicator.get("total"))));
            GENDERS.forEach(gender -> row.add(number(indicator.get("byGender").get(gender))));
            row.addAll(List.of("", "", ""));
            rows.add(row);
        }
        for (JsonNode target : view.get("targets")) {
            List<String> row = new ArrayList<>(List.of("target", target.get("code").asString(), "*",
                    number(target.get("counted"))));
            GENDERS.forEach(gender -> row.add(number(target.get("byGender").get(gender))));
            row.addAll(List.of(number(target.get("target")), target.get("actual").isNull() ? "" : number(target.get("actual")),
                    number(target.get("denominator"))));
            rows.add(row);
        }
        return rows;
    }

    private static String number(JsonNode value) {
        return value.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** A row read back, its label replaced by "*" (checked on its own) and its numbers normalised. */
    private static List<String> normalised(List<String> row) {
        List<String> out = new ArrayList<>(List.of(row.get(0), row.get(1), "*"));
        for (String value : row.subList(3, row.size())) {
            out.add(value.isEmpty() ? "" : new BigDecimal(value).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    /** A {@code ;}-separated file of UTF-8 lines as Swedish Excel reads it: quoted fields, decimal commas. */
    private static List<List<String>> parseCsv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("a byte-order mark for Excel").startsWith("\uFEFF");
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the last line ends in CRLF").isEmpty();
        return lines;
    }

    /** The CSV's rows, numbers with a decimal comma turned into a point. */
    private static List<List<String>> csvRows(byte[] bytes) {
        List<List<String>> lines = parseCsv(bytes);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        return lines.subList(1, lines.size()).stream().map(line -> {
            List<String> row = new ArrayList<>(line.subList(0, 3));
            line.subList(3, line.size()).forEach(value -> {
                assertThat(value).as("a figure, with a decimal comma").matches("([0-9]+(,[0-9]+)?)?");
                row.add(value.replace(',', '.'));
            });
            return row;
        }).toList();
    }

    /** The spreadsheet's rows read with POI: text cells as text, figures only from numeric cells, blank as "". */
    private static List<List<String>> xlsxRows(byte[] bytes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("ESF+ " + CUT_OFF);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(HEADER);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row line = sheet.getRow(r);
                List<String> row = new ArrayList<>();
                for (int c = 0; c < HEADER.size(); c++) {
                    Cell cell = line.getCell(c);
                    if (c < 3) {
                        row.add(cell.getStringCellValue());
                    } else if (cell == null || cell.getCellType() == CellType.BLANK) {
                        row.add("");
                    } else {
                        assertThat(cell.getCellType()).as("row %d column %s", r, HEADER.get(c)).isEqualTo(CellType.NUMERIC);
                        row.add(BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString());
                    }
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The report JSON's rows in the same form. */
    private static List<List<String>> jsonRows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            List<String> out = new ArrayList<>(List.of(row.get("type").asString(), row.get("code").asString(), "*",
                    number(row.get("total"))));
            GENDERS.forEach(gender -> out.add(number(row.get("byGender").get(gender))));
            for (String column : List.of("target", "actual", "denominator")) {
                out.add(row.get(column).isNull() ? "" : number(row.get(column)));
            }
            rows.add(out);
        }
        return rows;
    }

    @Test
    void the_csv_and_the_xlsx_read_back_equal_the_projects_figures_of_the_cut_off_day_cell_by_cell() throws IOException {
        String project = projectWithFigures("rep-owner-1");
        Http reader = service.reader();
        JsonNode report = awaitReport(reader, project, r -> participants(r) == 2
                && row(r.get("figures"), "indicator", "employed-upon-leaving").get("total").asInt() == 1);
        JsonNode view = reader.get("/api/projects/" + project + "/indicators?asOf=" + CUT_OFF).json();
        List<List<String>> expected = expected(view);
        assertThat(expected).as("figures worth comparing").anySatisfy(row -> assertThat(row.get(3)).isEqualTo("2"))
                .anySatisfy(row -> assertThat(row).startsWith("target", "guided-share"));

        HttpResponse<byte[]> csv = download(RunningReportingService.READER, reports(project) + "/" + CUT_OFF + ".csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .startsWith("attachment").contains("esf-" + project + "-" + CUT_OFF + ".csv"));
        HttpResponse<byte[]> xlsx = download(RunningReportingService.READER, reports(project) + "/" + CUT_OFF + ".xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .contains("esf-" + project + "-" + CUT_OFF + ".xlsx"));

        List<List<String>> fromCsv = csvRows(csv.body());
        List<List<String>> fromXlsx = xlsxRows(xlsx.body());
        assertThat(fromCsv.stream().map(EsfReportIT::normalised).toList()).isEqualTo(expected);
        assertThat(fromXlsx.stream().map(EsfReportIT::normalised).toList()).isEqualTo(expected);
        assertThat(jsonRows(report.get("figures"))).isEqualTo(expected);
        assertThat(fromCsv.get(0).get(2)).isEqualTo("Participants");
        assertThat(fromXlsx.stream().map(row -> row.get(2)).toList()).isEqualTo(fromCsv.stream().map(row -> row.get(2)).toList());
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).as("aggregates only").doesNotContain("Rapportprojektet");
    }

    @Test
    void a_submitted_report_stays_as_sent_through_a_late_outcome_an_erasure_and_a_rebuild_and_its_difference_is_exact()
            throws IOException {
        String owner = "rep-owner-2";
        String project = service.newProject();
        service.grant(project, owner, "OWNER");
        UUID man = UUID.randomUUID();
        service.upstream().publish(InventedEvents.project(project, "Frysta projektet"),
                InventedEvents.enrolled(project, man, Gender.MAN, 31), InventedEvents.enrolled(project, UUID.randomUUID(), Gender.WOMAN, 40));
        service.upstream().leave(man, project, LocalDate.of(2025, 8, 1));
        Http ownerHttp = service.as(owner);
        awaitReport(ownerHttp, project, r -> participants(r) == 2);

        Http.Reply submitted = ownerHttp.post(reports(project) + "/" + CUT_OFF + "/submission");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.raw().headers().firstValue("Location")).hasValue(reports(project) + "/" + CUT_OFF);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("submittedBy").asString()).isEqualTo(owner);
        Http.Reply again = ownerHttp.post(reports(project) + "/" + CUT_OFF + "/submission");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).endsWith("/already-submitted");

        JsonNode frozen = ownerHttp.get(reports(project) + "/" + CUT_OFF).json();
        assertThat(frozen.get("differences")).isEmpty();
        assertThat(frozen.get("erasedSinceSubmission").asInt()).isZero();
        assertThat(jsonRows(frozen.get("submitted"))).isEqualTo(jsonRows(frozen.get("figures")));
        byte[] csv = download(owner, reports(project) + "/" + CUT_OFF + "/submitted.csv").body();
        byte[] xlsx = download(owner, reports(project) + "/" + CUT_OFF + "/submitted.xlsx").body();
        assertThat(csvRows(csv).stream().map(EsfReportIT::normalised).toList()).isEqualTo(jsonRows(frozen.get("submitted")));
        assertThat(xlsxRows(xlsx).stream().map(EsfReportIT::normalised).toList()).isEqualTo(jsonRows(frozen.get("submitted")));
        assertThat(ownerHttp.get(reports(project)).json().toString()).contains(
                "{\"cutOff\":\"" + CUT_OFF + "\",\"dueBy\":\"2026-01-31\",\"status\":\"SUBMITTED\"");

        Instant later = Instant.now().plusSeconds(1);
        service.upstream().publish(new OutcomeRecorded(UUID.randomUUID(), later, project, man, UUID.randomUUID(), "EMPLOYED",
                        LocalDate.of(2025, 8, 1), FollowUpPoint.UPON_LEAVING),
                new ParticipantErased(UUID.randomUUID(), later, project, man));
        JsonNode moved = awaitReport(ownerHttp, project, r -> r.get("erasedSinceSubmission").asInt() == 1
                && r.get("differences").size() > 0);

        Map<String, String> differences = new LinkedHashMap<>();
        for (JsonNode difference : moved.get("differences")) {
            differences.put(difference.get("type").asString() + "/" + difference.get("code").asString() + "/"
                    + difference.get("column").asString(), number(difference.get("submitted")) + "->"
                    + number(difference.get("now")) + " " + number(difference.get("change")));
        }
        assertThat(differences).containsExactlyInAnyOrderEntriesOf(Map.of(
                "indicator/employed-upon-leaving/total", "0->1 1",
                "indicator/employed-upon-leaving/MAN", "0->1 1",
                "target/work-or-studies/total", "0->1 1",
                "target/work-or-studies/MAN", "0->1 1",
                "target/work-or-studies/actual", "0->1 1"));
        assertThat(jsonRows(moved.get("submitted"))).isEqualTo(jsonRows(frozen.get("submitted")));
        assertThat(jsonRows(moved.get("figures"))).isNotEqualTo(jsonRows(frozen.get("figures")));
        assertThat(jsonRows(moved.get("figures"))).isEqualTo(expected(ownerHttp.get("/api/projects/" + project
                + "/indicators?asOf=" + CUT_OFF).json()));
        assertThat(download(owner, reports(project) + "/" + CUT_OFF + "/submitted.csv").body()).isEqualTo(csv);
        assertThat(download(owner, reports(project) + "/" + CUT_OFF + "/submitted.xlsx").body()).isEqualTo(xlsx);

        Http admin = service.as("rep-admin", "admin");
        assertThat(admin.post("/api/admin/rebuild").status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "DONE".equals(admin.get("/api/admin/rebuild").json().get("state").asString()));
        JsonNode rebuilt = awaitReport(ownerHttp, project, r -> participants(r) == 2);
        assertThat(rebuilt.get("status").asString()).as("kept through the rebuild").isEqualTo("SUBMITTED");
        assertThat(rebuilt.get("erasedSinceSubmission").asInt()).isEqualTo(1);
        assertThat(rebuilt.get("submittedAt")).isEqualTo(frozen.get("submittedAt"));
        assertThat(jsonRows(rebuilt.get("submitted"))).isEqualTo(jsonRows(frozen.get("submitted")));
        assertThat(rebuilt.get("differences")).isEqualTo(moved.get("differences"));
        assertThat(download(owner, reports(project) + "/" + CUT_OFF + "/submitted.csv").body()).isEqualTo(csv);
        assertThat(download(owner, reports(project) + "/" + CUT_OFF + "/submitted.xlsx").body()).isEqualTo(xlsx);
    }

    /** The access matrix of docs/security.md has a row per published path: these are the paths it names. */
    @Test
    void the_openapi_description_publishes_each_report_endpoint_under_the_path_the_security_doc_names() {
        JsonNode paths = service.http().get("/v3/api-docs").json().get("paths");
        String base = "/api/projects/{projectId}/reports";
        for (String path : List.of(base, base + "/{cutOff}", base + "/{cutOff}.csv", base + "/{cutOff}.xlsx",
                base + "/{cutOff}/submitted.csv", base + "/{cutOff}/submitted.xlsx")) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).has("get")).as(path).isTrue();
        }
        assertThat(paths.get(base + "/{cutOff}/submission").has("post")).isTrue();
    }

    @Test
    void bad_input_is_a_problem_naming_what_is_wrong_never_a_500() {
        String project = service.newProject();
        String owner = "rep-owner-3";
        service.grant(project, owner, "OWNER");
        service.upstream().publish(InventedEvents.project(project, "Felprojektet"));
        Http ownerHttp = service.as(owner);
        awaitReport(ownerHttp, project, r -> true);
        for (String cutOff : List.of("2025-12-30", "2025-13-31", "inte-ett-datum", "2999-12-31")) {
            for (Http.Reply reply : List.of(ownerHttp.get(reports(project) + "/" + cutOff),
                    ownerHttp.get(reports(project) + "/" + cutOff + ".csv"),
                    ownerHttp.post(reports(project) + "/" + cutOff + "/submission"))) {
                assertThat(reply.status()).as(cutOff).isEqualTo(400);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.json().get("field").asString()).as(cutOff).isEqualTo("cutOff");
            }
        }
        assertThat(ownerHttp.get(reports(project) + "/" + CUT_OFF + ".pdf").status()).isEqualTo(404);
        assertThat(ownerHttp.get(reports(project) + "/" + CUT_OFF + "/submitted.csv").status()).as("not submitted").isEqualTo(404);
        String undefined = "99-000-NONE" + UUID.randomUUID().toString().substring(0, 4);
        service.grant(undefined, owner, "OWNER");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ownerHttp.get(reports(undefined)).status() == 404);
        assertThat(ownerHttp.get(reports(undefined) + "/" + CUT_OFF).status()).isEqualTo(404);
        assertThat(ownerHttp.get(reports(undefined) + "/" + CUT_OFF + ".xlsx").status()).isEqualTo(404);
        assertThat(ownerHttp.post(reports(undefined) + "/" + CUT_OFF + "/submission").status()).isEqualTo(404);
    }
}
