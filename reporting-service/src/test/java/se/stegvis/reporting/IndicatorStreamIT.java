package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.Gender;
import se.stegvis.events.ProjectDefined;
import se.stegvis.testing.Http;
import se.stegvis.testing.TestIssuer;
import se.stegvis.testing.UpstreamEvents;

/**
 * The live stream on a running service: the view on connect, each change as it lands, heartbeats, and leaving; its
 * bounds (streams per identity and in all) and a client that stops reading, dropped while the others go on.
 */
class IndicatorStreamIT {

    private static final String STREAM = "/api/indicators/stream";
    private static final int PER_IDENTITY = 3;
    private static final int IN_ALL = 5;

    private static RunningReportingService service;
    private static Http http;
    private static UpstreamEvents topics;

    @BeforeAll
    static void start() {
        service = RunningReportingService.start("--stegvis.stream.heartbeat=PT0.2S",
                "--stegvis.stream.max-per-identity=" + PER_IDENTITY, "--stegvis.stream.max-clients=" + IN_ALL,
                "--stegvis.stream.send-timeout=PT1S");
        http = service.reader();
        topics = service.upstream();
        String project = newProject();
        for (String subject : List.of(RunningReportingService.READER, "stream-a", "stream-b", "stream-c", "stream-stuck")) {
            service.grant(project, subject, "STAFF");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.as("stream-stuck").get("/api/indicators").status() == 200);
    }

    private static EventStream open(String subject) {
        return EventStream.open(service.baseUrl() + STREAM, TestIssuer.shared().token(subject));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String newProject() {
        return "99-" + UUID.randomUUID().toString().substring(0, 8) + "-SSE";
    }

    private static Optional<JsonNode> column(JsonNode view, String projectId) {
        for (JsonNode column : view.get("projects")) {
            if (column.get("projectId").asString().equals(projectId)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The project defined again under a new name, later than before: the latest definition (by occurredAt) wins. */
    private static ProjectDefined renamed(String projectId, String name) {
        return ProjectDefined.newBuilder(InventedEvents.project(projectId, name)).setOccurredAt(Instant.now()).build();
    }

    private static int openStreams() {
        Http.Reply reply = service.management().get("/actuator/metrics/stegvis.reporting.stream.clients");
        return (int) reply.json().get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void a_change_arrives_on_the_stream_with_the_new_suppressed_figures_and_no_polling() {
        String project = newProject();
        try (EventStream stream = open(RunningReportingService.READER)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
            EventStream.Event first = stream.events.get(0);
            assertThat(first.name()).isEqualTo("indicators");
            assertThat(first.json().get("view").has("total")).as("the current view comes first").isTrue();

            topics.publish(InventedEvents.project(project, "Strömmat"));
            topics.publish(IntStream.range(0, 6).mapToObj(i -> InventedEvents.enrolled(project, UUID.randomUUID(),
                    i % 2 == 0 ? Gender.WOMAN : Gender.MAN, 30)).toArray(org.apache.avro.specific.SpecificRecord[]::new));

            // Which cells are withheld depends on every project in the view (other ITs' too), so the event is
            // compared with the API's suppressed column once the project's exact figures show all six.
            service.grant(project, RunningReportingService.READER, "STAFF");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                Http.Reply exact = http.get("/api/projects/" + project + "/indicators");
                return exact.status() == 200 && exact.json().get("participants").asInt() == 6;
            });
            JsonNode expected = column(http.get("/api/indicators").json(), project).orElseThrow();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.stream().anyMatch(event ->
                    column(event.json().get("view"), project).map(expected::equals).orElse(false)));
            EventStream.Event landed = stream.events.stream().filter(event ->
                    column(event.json().get("view"), project).map(expected::equals).orElse(false))
                    .findFirst().orElseThrow();
            assertThat(landed.name()).isEqualTo("indicators");
            assertThat(landed.json().get("changed").toString()).contains("\"" + project + "\"");
            assertThat(column(landed.json().get("view"), project).orElseThrow().get("indicators").get(0).get("byGender").toString())
                    .isEqualTo("{\"WOMAN\":null,\"MAN\":null,\"NON_BINARY\":0,\"NOT_STATED\":0}");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments.get() >= 2);
        }
    }

    @Test
    void the_stream_carries_the_view_exactly_as_the_api_returns_it() {
        try (EventStream stream = open(RunningReportingService.READER)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !stream.events.isEmpty()
                    && stream.events.get(stream.events.size() - 1).json().get("view").equals(http.get("/api/indicators").json()));
        }
    }

    @Test
    void a_client_that_goes_away_is_removed() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
        EventStream stream = open(RunningReportingService.READER);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
        assertThat(openStreams()).isEqualTo(1);

        stream.close();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
    }

    @Test
    void one_identity_opens_only_so_many_streams_and_the_next_is_a_429_problem_until_one_closes() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
        List<EventStream> mine = new ArrayList<>();
        try {
            for (int i = 0; i < PER_IDENTITY; i++) {
                mine.add(open("stream-a"));
                assertThat(mine.get(i).response.statusCode()).isEqualTo(200);
            }
            EventStream refused = open("stream-a");
            refused.close();
            assertThat(refused.response.statusCode()).isEqualTo(429);
            assertThat(refused.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.response.headers().firstValue("Retry-After")).isPresent();
            try (EventStream other = open("stream-b")) {
                assertThat(other.response.statusCode()).as("another identity is not held up").isEqualTo(200);
            }

            mine.remove(0).close();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == PER_IDENTITY - 1);
            mine.add(open("stream-a"));
            assertThat(mine.get(mine.size() - 1).response.statusCode()).isEqualTo(200);
        } finally {
            mine.forEach(EventStream::close);
        }
    }

    @Test
    void the_service_opens_only_so_many_streams_in_all_and_the_next_is_a_503_problem() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < IN_ALL; i++) {
                open.add(open(i < PER_IDENTITY ? "stream-a" : "stream-b"));
                assertThat(open.get(i).response.statusCode()).isEqualTo(200);
            }
            int counted = openStreams();
            EventStream refused = open("stream-c");
            refused.close();
            assertThat(refused.response.statusCode()).as("refused with %d streams counted as open", counted).isEqualTo(503);
            assertThat(refused.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(openStreams()).isEqualTo(IN_ALL);
        } finally {
            open.forEach(EventStream::close);
        }
    }

    @Test
    void a_client_that_stops_reading_is_dropped_within_the_send_timeout_while_a_reading_client_keeps_getting_every_change()
            throws IOException {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
        // Projects with long names make every view large (about 1.2 MB), so the connection of a client that reads
        // nothing (the kernel's send buffer, here up to 4 MB, and a small receive window) is full after a few views.
        List<String> projects = IntStream.range(0, 4).mapToObj(i -> newProject()).toList();
        String longName = "Stort namn " + "x".repeat(300_000);
        projects.forEach(project -> topics.publish(renamed(project, longName)));
        // The renames projected before anyone connects: otherwise their views could fill the stuck connection and get
        // it dropped before the reading client is even counted.
        String marker = longName.substring(0, 40);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> occurrences(http.get("/api/indicators").body(), marker) >= projects.size());
        try (EventStream reading = open(RunningReportingService.READER); Socket stuck = new Socket()) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !reading.events.isEmpty());
            stuck.setReceiveBufferSize(4096); // before connecting, so the window it offers stays small
            stuck.connect(new InetSocketAddress("localhost", URI.create(service.baseUrl()).getPort()));
            OutputStream request = stuck.getOutputStream();
            request.write(("GET " + STREAM + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                    + TestIssuer.shared().token("stream-stuck") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            // The stuck socket never reads, not even the headers; one view fits in the buffers between the two.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 2);

            // A change now and then, each a large view for both: the stuck one is dropped a send timeout (1 s)
            // after its connection is full, the reading one stays.
            int[] round = {0};
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                topics.publish(renamed(projects.get(round[0] % projects.size()), longName + " " + round[0]++));
                return openStreams() == 1;
            });

            String last = "Kort namn igen"; // later tests get small views again
            projects.forEach(each -> topics.publish(renamed(each, last)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode latest = reading.events.get(reading.events.size() - 1).json().get("view");
                return projects.stream().allMatch(each -> column(latest, each).map(c -> c.get("name").asString().equals(last)).orElse(false));
            });
            assertThat(openStreams()).as("the reading client is still there").isEqualTo(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
        // Nothing leaked: the identity's and the service's bounds are whole again.
        List<EventStream> again = IntStream.range(0, PER_IDENTITY).mapToObj(i -> open("stream-stuck")).toList();
        try {
            assertThat(again).allSatisfy(stream -> assertThat(stream.response.statusCode()).isEqualTo(200));
        } finally {
            again.forEach(EventStream::close);
        }
    }

    /**
     * How current the view is can change with no figure changing: here the projection is held in a batch (nothing is
     * applied, no figure moves) and a rebuild is asked for. The stream sends the view again by itself, stamped
     * REBUILDING and naming no project as changed, as the API's views say too; released, the rebuild runs and the
     * stream ends on the view the API gives, CURRENT again.
     */
    @Test
    void a_rebuild_asked_for_reaches_the_stream_as_a_change_of_currency_alone_and_so_does_its_end() {
        String project = newProject();
        service.grant(project, RunningReportingService.READER, "STAFF");
        topics.publish(InventedEvents.project(project, "Valv"));
        ProjectView.await(http, project, view -> true);
        ProjectionGate gate = ProjectionGate.on(service);
        try (EventStream stream = open(RunningReportingService.READER)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !stream.events.isEmpty()
                    && "CURRENT".equals(state(stream.events.get(stream.events.size() - 1))));
            int beforeHold = stream.events.size();
            gate.hold();
            topics.publish(InventedEvents.enrolled(project, UUID.randomUUID(), Gender.WOMAN, 30));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(gate::holding);
            // The held batch's own event has gone out before the rebuild is asked for.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stream.events.subList(beforeHold, stream.events.size())
                    .stream().anyMatch(event -> event.json().get("changed").toString().contains("\"" + project + "\"")));
            int beforeRebuild = stream.events.size();

            assertThat(service.as("stream-admin", "admin").post("/api/admin/rebuild").status()).isEqualTo(202);

            EventStream.Event rebuilding = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stream.events
                    .subList(beforeRebuild, stream.events.size()).stream().filter(event -> "REBUILDING".equals(state(event)))
                    .findFirst(), Optional::isPresent).orElseThrow();
            assertThat(rebuilding.json().get("changed").size()).as("no figure changed: the projection is held").isZero();
            String asked = "{\"state\":\"REBUILDING\",\"behindBy\":null,\"replayed\":0,\"toReplay\":null}";
            assertThat(rebuilding.json().get("view").get("currency").toString()).isEqualTo(asked);
            assertThat(http.get("/api/indicators").json().get("currency").toString()).isEqualTo(asked);
            assertThat(http.get("/api/projects/" + project + "/indicators").json().get("currency").toString()).isEqualTo(asked);

            gate.release();

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode latest = stream.events.get(stream.events.size() - 1).json().get("view");
                return ProjectView.current(latest) && latest.equals(http.get("/api/indicators").json());
            });
        } finally {
            gate.release();
        }
    }

    private static String state(EventStream.Event event) {
        return event.json().get("view").get("currency").get("state").asString();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
