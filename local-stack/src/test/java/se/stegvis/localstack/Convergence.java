package se.stegvis.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The "converged" checks after a fault: reporting-service shows exactly what the loads had accepted (recorded minus
 * retracted, {@link ExpectedFigures#ofLoads}), and the topics hold exactly one event (one distinct eventId) per
 * accepted command, retractions included, none missing, none extra, and its read model holds each accepted activity
 * and outcome once, retracted where it was (see {@link ReadModelAudit}); then that all of it stays so for a while, as
 * a user watching would see it. Every load's ledger on this stack counts, so a later fault that loses an earlier
 * command fails too.
 */
final class Convergence {

    /**
     * The figures of project 23-073-S03 that count the load's commands: participants, and the {@code counted} of the
     * targets digital-guidance, step-forward and work-or-studies.
     */
    record ViewCounts(int participants, int guided, int steppedForward, int employedOrStudying) {

        ViewCounts plus(ViewCounts more) {
            return new ViewCounts(participants + more.participants, guided + more.guided, steppedForward + more.steppedForward,
                    employedOrStudying + more.employedOrStudying);
        }
    }

    /** What a scenario's check found. */
    record Result(ViewCounts view, ViewCounts expected, Instant at, TopicCounts topics) {
    }

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** The checkpoint trails the view by up to a second (decision 0009), more on busy cores. */
    static final Duration CHECKPOINT_PATIENCE = Duration.ofSeconds(30);

    private final StackHttp http;
    private final String bootstrapServers;
    private final String registryUrl;
    private final ViewCounts baseline;
    private final Set<String> enrolledBefore;
    private final ReadModelAudit readModel;
    private final List<Ledger> ledgers = new ArrayList<>();

    /**
     * Notes what the stack holds before any load: the view's figures, the project's enrolments on the topic and what
     * its read model holds. A stack that has just said it is running may not have projected its catalogue yet
     * (the project is announced through participant-service's outbox): until reporting-service knows the project, it
     * answers 404, so that is awaited.
     */
    Convergence(StackHttp http, String bootstrapServers, String registryUrl, int mongoPort) {
        this.http = http;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.baseline = Awaitility.await("reporting-service to know " + InventedPeople.PROJECT).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(this::view, view -> true);
        this.enrolledBefore = TopicCounts.read(bootstrapServers, registryUrl).enrolments.idsIn(InventedPeople.PROJECT);
        this.readModel = new ReadModelAudit(mongoPort);
    }

    /** Closes the connection to the read model. */
    void close() {
        readModel.close();
    }

    /**
     * Waits for the view to show exactly every ledger's commands (or the patience to run out: a retraction not yet
     * applied leaves it above them for a moment, so reaching them is not enough), then for the read model's checkpoint
     * to follow, then reads the topics.
     */
    Result await(Ledger ledger) {
        ledgers.add(ledger);
        ViewCounts expected = baseline.plus(ExpectedFigures.ofLoads(ledgers));
        try {
            Awaitility.await("the view to count every accepted command").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(this::view, expected::equals);
        } catch (ConditionTimeoutException e) {
            // assertExact says what differs
        }
        Instant at = Instant.now();
        ViewCounts view = view();
        awaitReadModel(CHECKPOINT_PATIENCE);
        return new Result(view, expected, at, TopicCounts.read(bootstrapServers, registryUrl));
    }

    /**
     * Waits up to {@code patience} for reporting-service's read model to hold exactly what every ledger so far
     * accepted; answers what still differs then, empty when it does.
     */
    List<String> awaitReadModel(Duration patience) {
        try {
            return Awaitility.await("the read model to hold every accepted command").atMost(patience)
                    .pollInterval(Duration.ofMillis(250)).until(() -> readModel.discrepancies(ledgers), List::isEmpty);
        } catch (ConditionTimeoutException e) {
            return readModelDiscrepancies();
        }
    }

    /** What differs between the read model and every ledger so far right now, one line each. */
    List<String> readModelDiscrepancies() {
        return readModel.discrepancies(ledgers);
    }

    /** A participant some load enrolled. */
    String anyEnrolled() {
        return accepted(Ledger.Kind.ENROLMENT).stream().findAny().orElseThrow(() -> new AssertionError("no load enrolled anyone yet"));
    }

    /**
     * Asserts the view, the topics and the read model hold exactly what every ledger so far accepted: each check
     * reported, so a fault that shows in several says so in each.
     */
    void assertExact(Result result) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(result.view()).as("reporting-service's figures of %s (participants, with DIGITAL_GUIDANCE, with "
                + "STEP_FORWARD, with EMPLOYED or IN_EDUCATION_OR_TRAINING)", InventedPeople.PROJECT).isEqualTo(result.expected());
        Set<String> participants = accepted(Ledger.Kind.ENROLMENT);
        for (Ledger.Kind kind : Ledger.Kind.values()) {
            TopicCounts.Announced announced = result.topics().of(kind);
            Set<String> onTopics = kind == Ledger.Kind.ENROLMENT ? enrolledSinceStart(announced) : announced.idsOf(participants);
            softly.assertThat(onTopics).as("%s on the topics against those accepted", kind).isEqualTo(accepted(kind));
            softly.assertThat(accepted(kind).stream().filter(id -> announced.eventIdsOf(id) != 1)
                    .map(id -> id + ": " + announced.eventIdsOf(id) + " distinct eventIds").toList())
                    .as("accepted %s commands without exactly one event", kind).isEmpty();
        }
        softly.assertThat(readModel.discrepancies(ledgers)).as("reporting-service's read model of each participant against the ledgers")
                .isEmpty();
        softly.assertAll();
    }

    /**
     * After {@link #assertExact}: the view and the read model stay exact for {@code hold}, checked every second, so
     * that an event applied again late (a redelivery after the figures first matched) fails too.
     */
    void assertHeldExact(Result result, Duration hold) {
        AtomicReference<String> departed = new AtomicReference<>();
        try {
            Awaitility.await("the view and the read model to stay exact for " + hold).during(hold).atMost(hold.plusSeconds(5))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        ViewCounts now = view();
                        List<String> discrepancies = readModel.discrepancies(ledgers);
                        boolean exact = now.equals(result.expected()) && discrepancies.isEmpty();
                        if (!exact && departed.get() == null) {
                            departed.set("the view " + now + ", expected " + result.expected() + "; the read model: " + discrepancies);
                        }
                        return exact;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No longer exact within " + hold + " after converging: " + departed.get(), e);
        }
    }

    /** One ledger's commands on the topics. */
    record EventFigures(int distinct, int countedTwice, int redelivered) {
    }

    static EventFigures eventFigures(Ledger ledger, TopicCounts topics) {
        int distinct = 0;
        int twice = 0;
        int records = 0;
        for (Ledger.Kind kind : Ledger.Kind.values()) {
            TopicCounts.Announced announced = topics.of(kind);
            Set<String> ids = ledger.ids(kind);
            distinct += announced.distinctEvents(ids);
            twice += (int) ids.stream().filter(id -> announced.eventIdsOf(id) > 1).count();
            records += announced.records(ids);
        }
        return new EventFigures(distinct, twice, records - distinct);
    }

    ViewCounts view() {
        JsonNode figures = http.get("reporting", "/api/projects/" + InventedPeople.PROJECT + "/indicators");
        return new ViewCounts(figures.get("participants").asInt(), counted(figures, "digital-guidance"), counted(figures, "step-forward"),
                counted(figures, "work-or-studies"));
    }

    private static int counted(JsonNode figures, String target) {
        for (JsonNode each : figures.get("targets")) {
            if (each.get("code").asText().equals(target)) {
                return each.get("counted").asInt();
            }
        }
        throw new AssertionError("no target " + target + " in " + figures);
    }

    private Set<String> enrolledSinceStart(TopicCounts.Announced enrolments) {
        Set<String> enrolled = new HashSet<>(enrolments.idsIn(InventedPeople.PROJECT));
        enrolled.removeAll(enrolledBefore);
        return enrolled;
    }

    private Set<String> accepted(Ledger.Kind kind) {
        Set<String> ids = new HashSet<>();
        ledgers.forEach(ledger -> ids.addAll(ledger.ids(kind)));
        return ids;
    }
}
