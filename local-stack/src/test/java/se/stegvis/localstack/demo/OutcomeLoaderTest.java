package se.stegvis.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutcomeLoaderTest {

    private static final LocalDate LEFT = LocalDate.of(2025, 6, 2);
    private static final DemoOutcome SLIP = new DemoOutcome("EMPLOYED", LEFT.plusDays(3), "UPON_LEAVING", true);
    private static final DemoOutcome SEARCHING = new DemoOutcome("JOB_SEARCHING", LEFT.plusDays(3), "UPON_LEAVING", false);
    private static final DemoOutcome EMPLOYED = new DemoOutcome("EMPLOYED", LEFT.plusDays(95), "DAYS_90", false);

    private final FakeOutcomeService service = new FakeOutcomeService();
    private final DemoSummary summary = new DemoSummary();
    private final OutcomeLoader loader = new OutcomeLoader(service.fake.uri(), new DemoHttp(Duration.ofSeconds(5)), summary);

    @AfterEach
    void stop() {
        service.fake.close();
    }

    @Test
    void a_first_load_records_the_slip_retracts_it_and_records_the_rest() {
        loader.reconcile(person(SLIP, SEARCHING, EMPLOYED), "p-1");

        assertThat(service.calls()).containsExactly("GET", "POST EMPLOYED", "DELETE o-1", "POST JOB_SEARCHING", "POST EMPLOYED");
        assertThat(service.current()).containsExactly("JOB_SEARCHING " + SEARCHING.date(), "EMPLOYED " + EMPLOYED.date());
        assertThat(summary.outcomesRecorded).isEqualTo(2);
        assertThat(summary.outcomesRetracted).isEqualTo(1);
    }

    @Test
    void a_second_load_finds_every_outcome_there_and_sends_nothing() {
        loader.reconcile(person(SLIP, SEARCHING, EMPLOYED), "p-1");
        service.calls.clear();
        DemoSummary again = new DemoSummary();

        new OutcomeLoader(service.fake.uri(), new DemoHttp(Duration.ofSeconds(5)), again)
                .reconcile(person(SLIP, SEARCHING, EMPLOYED), "p-1");

        assertThat(service.calls()).containsExactly("GET");
        assertThat(again.outcomesThere).isEqualTo(2);
        assertThat(again.outcomesRecorded).isZero();
    }

    @Test
    void a_slip_left_standing_by_an_interrupted_load_is_retracted_before_the_rest_is_recorded() {
        service.record("EMPLOYED", SLIP.date());

        loader.reconcile(person(SLIP, SEARCHING), "p-1");

        assertThat(service.calls()).containsExactly("POST EMPLOYED", "GET", "DELETE o-1", "POST JOB_SEARCHING");
        assertThat(service.current()).containsExactly("JOB_SEARCHING " + SEARCHING.date());
    }

    @Test
    void an_outcome_filed_before_outcome_service_knew_of_the_leaving_is_retracted_and_recorded_again() {
        service.leavingArrivesAfter.set(1);

        loader.reconcile(person(SEARCHING), "p-1");

        assertThat(service.calls()).containsExactly("GET", "POST JOB_SEARCHING", "DELETE o-1", "POST JOB_SEARCHING");
        assertThat(service.current()).containsExactly("JOB_SEARCHING " + SEARCHING.date());
        assertThat(summary.outcomesRecorded).isEqualTo(1);
        assertThat(summary.describe(1)).contains("1 outcome(s) recorded before outcome-service knew of the leaving");
    }

    private static DemoPerson person(DemoOutcome... outcomes) {
        DemoPerson.Entry entry = new DemoPerson.Entry(LocalDate.of(2025, 1, 7), "GANG_DEFECTOR", "MAN", 24,
                "UNEMPLOYED", "ISCED_3_4", "NO", "NO", false, false, false, false);
        return new DemoPerson("key-1", "23-073-S03", new DemoPerson.Person("19990101-0000", "Test", "Påhittad", "NONE"),
                entry, List.of(), new DemoPerson.Leaving(LEFT, "COMPLETED"), List.of(outcomes));
    }

    /** outcome-service in memory: files outcomes at their planned point once the leaving has "arrived". */
    private static final class FakeOutcomeService {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger leavingArrivesAfter = new AtomicInteger();
        private final List<Map<String, String>> outcomes = new CopyOnWriteArrayList<>();
        final FakeService fake = new FakeService(this::answer);

        private FakeService.Reply answer(FakeService.Request request) {
            if (request.method().equals("GET")) {
                calls.add("GET");
                List<String> current = new ArrayList<>();
                outcomes.stream().filter(o -> o.get("retracted") == null).forEach(o -> current.add(String.format(
                        "{\"outcomeId\": \"%s\", \"type\": \"%s\", \"date\": \"%s\"}", o.get("id"), o.get("type"), o.get("date"))));
                return FakeService.Reply.json(200, "[" + String.join(",", current) + "]");
            }
            if (request.method().equals("DELETE")) {
                String id = request.path().substring(request.path().lastIndexOf('/') + 1);
                calls.add("DELETE " + id);
                outcomes.stream().filter(o -> o.get("id").equals(id)).forEach(o -> o.put("retracted", "yes"));
                return FakeService.Reply.json(204, null);
            }
            var body = DemoHttp.JSON.readTree(request.body());
            String followUp = record(body.get("type").asString(), LocalDate.parse(body.get("date").asString()));
            return FakeService.Reply.json(201, "{\"outcomeId\": \"o-" + outcomes.size() + "\", \"followUp\": \"" + followUp + "\"}");
        }

        String record(String type, LocalDate date) {
            calls.add("POST " + type);
            outcomes.add(new java.util.HashMap<>(Map.of("id", "o-" + (outcomes.size() + 1), "type", type, "date", date.toString())));
            boolean leavingKnown = leavingArrivesAfter.getAndDecrement() <= 0;
            long days = java.time.temporal.ChronoUnit.DAYS.between(LEFT, date);
            if (!leavingKnown) {
                return "DURING_PARTICIPATION";
            }
            // outcome-service's windows: days 0-28, 90-118, six months to six months + 28; OTHER between them.
            LocalDate sixMonths = LEFT.plusMonths(6);
            return days <= 28 ? "UPON_LEAVING" : days >= 90 && days <= 118 ? "DAYS_90"
                    : !date.isBefore(sixMonths) && !date.isAfter(sixMonths.plusDays(28)) ? "MONTHS_6" : "OTHER";
        }

        List<String> calls() {
            return calls;
        }

        List<String> current() {
            return outcomes.stream().filter(o -> o.get("retracted") == null).map(o -> o.get("type") + " " + o.get("date")).toList();
        }
    }
}
