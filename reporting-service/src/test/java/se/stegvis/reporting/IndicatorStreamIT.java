package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.Gender;
import se.stegvis.testing.Http;
import se.stegvis.testing.UpstreamEvents;

/** The live stream on a running service: the view on connect, each change as it lands, heartbeats, and leaving. */
class IndicatorStreamIT {

    private static final String STREAM = "/api/indicators/stream";

    private static RunningReportingService service;
    private static Http http;
    private static UpstreamEvents topics;

    @BeforeAll
    static void start() {
        service = RunningReportingService.start("--stegvis.stream.heartbeat=PT0.2S");
        http = service.http();
        topics = service.upstream();
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

    private static Integer participants(JsonNode column) {
        JsonNode total = column.get("indicators").get(0).get("total");
        return total.isNull() ? null : total.asInt();
    }

    private static int openStreams() {
        Http.Reply reply = http.get("/actuator/metrics/stegvis.reporting.stream.clients");
        return (int) reply.json().get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void a_change_arrives_on_the_stream_with_the_new_suppressed_figures_and_no_polling() {
        String project = newProject();
        try (EventStream stream = EventStream.open(service.baseUrl() + STREAM)) {
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

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.stream().anyMatch(event ->
                    column(event.json().get("view"), project).map(c -> Integer.valueOf(6).equals(participants(c))).orElse(false)));
            EventStream.Event landed = stream.events.stream().filter(event ->
                    column(event.json().get("view"), project).map(c -> Integer.valueOf(6).equals(participants(c))).orElse(false))
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
        try (EventStream stream = EventStream.open(service.baseUrl() + STREAM)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !stream.events.isEmpty()
                    && stream.events.get(stream.events.size() - 1).json().get("view").equals(http.get("/api/indicators").json()));
        }
    }

    @Test
    void a_client_that_goes_away_is_removed() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
        EventStream stream = EventStream.open(service.baseUrl() + STREAM);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
        assertThat(openStreams()).isEqualTo(1);

        stream.close();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == 0);
    }
}
