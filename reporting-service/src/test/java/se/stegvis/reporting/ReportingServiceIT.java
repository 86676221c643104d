package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.reporting.ProjectView.indicator;
import static se.stegvis.reporting.ProjectView.target;
import static se.stegvis.reporting.ProjectView.withoutCurrency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import tools.jackson.databind.JsonNode;

import se.stegvis.events.ActivityRecorded;
import se.stegvis.events.Gender;
import se.stegvis.events.OutcomeRecorded;
import se.stegvis.events.ParticipantEnrolled;
import se.stegvis.events.ProjectDefined;
import se.stegvis.events.Target;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.application.ProjectStore;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.reporting.indicators.domain.ParticipantEvent;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.reporting.indicators.domain.RecordedOutcome;
import se.stegvis.reporting.indicators.adapter.in.messaging.ProjectionFunction;
import se.stegvis.schemas.EventTopic;
import se.stegvis.testing.Http;
import se.stegvis.testing.PrometheusText;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.SharedKafka;

/** reporting-service end to end: events in through the shared broker and the project's registry, figures out over HTTP. */
class ReportingServiceIT {

    /** Whose date the service counts as today. */
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static RunningReportingService service;
    private static Http http;
    private static Http management;
    private static UpstreamEvents topics;

    @BeforeAll
    static void start() {
        service = RunningReportingService.start();
        http = service.reader();
        management = service.management();
        topics = service.upstream();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String newProject() {
        return service.newProject();
    }

    private static JsonNode awaitProject(String projectId, Predicate<JsonNode> until) {
        return ProjectView.await(http, projectId, until);
    }

    /** Up once the projection has caught up with the topics since the service started (the consumers' health). */
    @Test
    void the_service_reports_itself_up_and_measures_its_projection() {
        topics.publish(InventedEvents.project(newProject(), "Mätt"));

        Http.Reply health = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> management.get("/actuator/health"), reply -> reply.status() == 200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                service.projectionMetric("stegvis.consumer.applied") >= 1 && service.projectionMetric("stegvis.consumer.lag") == 0);
    }

    @Test
    void prometheus_scrapes_the_projection_from_the_start_and_counts_one_dead_letter_per_bad_record() {
        String ofProjection = "group=\"" + service.group + "\"";
        assertThat(scrape()).contains("stegvis_consumer_lag{", "stegvis_consumer_dead_lettered_total{", ofProjection);
        String project = newProject();
        topics.publish(InventedEvents.project(project, "Skrapat"));
        awaitProject(project, v -> true);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusText.sample(scrape(), "stegvis_consumer_lag", ofProjection) == 0);
        double deadLettersBefore = PrometheusText.sample(scrape(), "stegvis_consumer_dead_lettered_total", ofProjection);

        topics.publishRaw(EventTopic.OUTCOMES, UUID.randomUUID().toString(), "inte avro".getBytes(StandardCharsets.UTF_8));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String text = scrape();
            return PrometheusText.sample(text, "stegvis_consumer_dead_lettered_total", ofProjection) > deadLettersBefore
                    && PrometheusText.sample(text, "stegvis_consumer_lag", ofProjection) == 0;
        });
        Http.Reply prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(prometheus.body()).contains("# HELP stegvis_consumer_lag Records behind", "# TYPE stegvis_consumer_dead_lettered_total counter",
                "stegvis_consumer_applied_total{", "stegvis_consumer_waiting{", "stegvis_reporting_stream_clients",
                "application=\"reporting-service\"");
        assertThat(PrometheusText.sample(prometheus.body(), "stegvis_consumer_dead_lettered_total", ofProjection)).isEqualTo(deadLettersBefore + 1);
    }

    private static String scrape() {
        return management.get("/actuator/prometheus").body();
    }

    /** The value of the metric's first sample, from the Prometheus text format. */
    @Test
    void events_published_with_the_projects_serializer_end_up_in_the_indicators() {
        String project = newProject();
        UUID woman = UUID.randomUUID();
        UUID man = UUID.randomUUID();
        topics.publish(InventedEvents.project(project, "Påhittat projekt"),
                InventedEvents.enrolled(project, woman, Gender.WOMAN, 17), InventedEvents.enrolled(project, man, Gender.MAN, 25),
                InventedEvents.guided(project, woman), InventedEvents.employed(project, woman), InventedEvents.employed(project, man));

        JsonNode view = awaitProject(project, v -> target(v, "work-or-studies").get("actual").asInt() == 2);

        assertThat(view.get("projectId").asString()).isEqualTo(project);
        assertThat(view.get("plannedParticipants").asInt()).isEqualTo(120);
        assertThat(view.get("participants").asInt()).isEqualTo(2);
        assertThat(indicator(view, "participants").get("byGender").toString())
                .isEqualTo("{\"WOMAN\":1,\"MAN\":1,\"NON_BINARY\":0,\"NOT_STATED\":0}");
        assertThat(indicator(view, "age-below-18").get("total").asInt()).isEqualTo(1);
        assertThat(indicator(view, "employed-upon-leaving").get("total").asInt()).isEqualTo(2);
        assertThat(target(view, "work-or-studies").get("actualShares").toString()).contains("\"WOMAN\":50.0", "\"MAN\":50.0");
        assertThat(target(view, "guided-share").get("actual").asDouble()).isEqualTo(50.0);

        JsonNode consolidated = http.get("/api/indicators").json();
        JsonNode column = null;
        for (JsonNode candidate : consolidated.get("projects")) {
            column = candidate.get("projectId").asString().equals(project) ? candidate : column;
        }
        assertThat(column).isNotNull();
        assertThat(column.get("indicators").get(0).get("total").isNull()).as("a count of 2 is withheld").isTrue();
    }

    /**
     * A participant's enrolment, activity and outcome each published three times, as a retried send or a redelivery
     * would (same eventId). Every figure of the view counts participants, and a participant's state is kept by
     * activity and outcome id, so a copy applied twice shows where the participant's contribution would count again:
     * in the participants, their gender, the outcome's indicator and target, and the activity's share of the whole.
     * Before reading, a later event of the same participant is awaited on each of the three topics: keyed alike, it
     * stands behind the copies on their partition, so they have all been applied when it shows.
     */
    @Test
    void an_event_published_three_times_counts_once() {
        String project = newProject();
        UUID repeated = UUID.randomUUID();
        ProjectDefined definition = InventedEvents.project(project, "Dubbletter");
        List<Target> targets = new ArrayList<>(definition.getTargets());
        targets.add(Target.newBuilder().setCode("coached").setTarget(10).setActivityTypes(List.of("COACHING")).build());
        definition.setTargets(targets);
        ParticipantEnrolled enrolment = InventedEvents.enrolled(project, repeated, Gender.NON_BINARY, 40);
        ActivityRecorded guidance = InventedEvents.guided(project, repeated);
        OutcomeRecorded employment = InventedEvents.employed(project, repeated);
        topics.publish(definition, InventedEvents.enrolled(project, UUID.randomUUID(), Gender.WOMAN, 30));
        topics.publish(enrolment, guidance, employment, enrolment, guidance, employment, enrolment, guidance, employment);
        topics.publish(InventedEvents.corrected(project, repeated, Gender.NON_BINARY, 56), InventedEvents.activity(project, repeated, "COACHING"),
                InventedEvents.outcome(project, repeated, "GAINED_QUALIFICATION"));

        JsonNode view = awaitProject(project, v -> indicator(v, "age-55-plus").get("total").asInt() > 0
                && target(v, "coached").get("counted").asInt() > 0 && indicator(v, "qualification-upon-leaving").get("total").asInt() > 0
                && indicator(v, "participants").get("byGender").get("WOMAN").asInt() > 0);

        assertThat(view.get("participants").asInt()).isEqualTo(2);
        assertThat(indicator(view, "participants").get("byGender").toString())
                .isEqualTo("{\"WOMAN\":1,\"MAN\":0,\"NON_BINARY\":1,\"NOT_STATED\":0}");
        assertThat(indicator(view, "age-55-plus").get("total").asInt()).isEqualTo(1);
        assertThat(indicator(view, "employed-upon-leaving").get("byGender").get("NON_BINARY").asInt()).isEqualTo(1);
        assertThat(indicator(view, "employed-upon-leaving").get("total").asInt()).isEqualTo(1);
        assertThat(indicator(view, "qualification-upon-leaving").get("total").asInt()).isEqualTo(1);
        assertThat(target(view, "work-or-studies").get("counted").asInt()).isEqualTo(1);
        assertThat(target(view, "guided-share").get("counted").asInt()).isEqualTo(1);
        assertThat(target(view, "guided-share").get("actual").asDouble()).as("one of two participants guided").isEqualTo(50.0);
        assertThat(target(view, "coached").get("counted").asInt()).isEqualTo(1);
    }

    @Test
    void a_new_project_definition_shows_up_with_its_own_targets_and_an_unknown_project_is_a_404() {
        String project = newProject();
        topics.publish(InventedEvents.project(project, "Nytt projekt"));

        JsonNode view = awaitProject(project, v -> true);

        assertThat(view.get("name").asString()).isEqualTo("Nytt projekt");
        assertThat(view.get("targets").toString()).contains("\"code\":\"participants\"", "\"code\":\"work-or-studies\"",
                "\"code\":\"guided-share\"", "\"unit\":\"PERCENT\"");
        service.grant("99-999-NONE", RunningReportingService.READER, "STAFF");
        Http.Reply unknown = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/projects/99-999-NONE/indicators"), reply -> reply.status() != 403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void garbage_on_a_topic_lands_on_the_dead_letter_topic_and_later_events_still_count() {
        String project = newProject();
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        topics.publish(InventedEvents.project(project, "Skräp"));
        topics.publishRaw(EventTopic.PARTICIPANTS, key, garbage);
        topics.publish(InventedEvents.enrolled(project, UUID.randomUUID(), Gender.MAN, 33));

        awaitProject(project, v -> v.get("participants").asInt() == 1);

        assertThat(service.deadLetterTopic()).isEqualTo("stegvis.reporting.dead-letter.v1");
        ConsumerRecord<byte[], byte[]> letter = awaitDeadLetter(key);
        assertThat(letter.value()).as("the bytes as written").isEqualTo(garbage);
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(EventTopic.PARTICIPANTS.topicName());
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong()).isNotNegative();
        assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN) + " " + header(letter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .contains("DeserializationException");
        assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).as("no message: it may quote the record").isNull();
        assertThat(service.projectionMetric("stegvis.consumer.dead-lettered")).isGreaterThanOrEqualTo(1.0);
    }

    /**
     * A rebuild that did nothing would leave the read model as it was, and the old view would pass for a replayed one.
     * So the store first holds what no event produced: a participant of a project, planted before the project's
     * definition arrives (the definition counts the project's stored participants, so the live figures count the
     * stray), and a project no event ever defined. Beside it a twin project gets the same events and no stray: after
     * the rebuild both strays are gone, the first project's figures are exactly the twin's, and the twin's view is
     * what it was live.
     */
    @Test
    void a_rebuild_replays_every_topic_into_an_emptied_store_and_ends_with_the_figures_of_the_events_alone() {
        String project = newProject();
        String twin = newProject();
        String neverDefined = newProject();
        ParticipantStore participants = service.context.getBean(ParticipantStore.class);
        ProjectStore projects = service.context.getBean(ProjectStore.class);
        String stray = plantStrays(service.context.getBean(IndicatorProjection.class), project, neverDefined);
        for (String each : List.of(project, twin)) {
            UUID participant = UUID.randomUUID();
            topics.publish(InventedEvents.project(each, "Omspelning"), InventedEvents.enrolled(each, participant, Gender.WOMAN, 60),
                    InventedEvents.guided(each, participant));
        }
        JsonNode planted = awaitProject(project, v -> target(v, "guided-share").get("counted").asInt() == 1);
        JsonNode live = awaitProject(twin, v -> target(v, "guided-share").get("actual").asDouble() == 100.0);
        assertThat(planted.get("participants").asInt()).as("the stray counts before the rebuild").isEqualTo(2);
        assertThat(figures(planted)).isNotEqualTo(figures(live));

        Http admin = service.as("it-admin", "admin");
        Http.Reply accepted = admin.post("/api/admin/rebuild");
        assertThat(accepted.status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "DONE".equals(admin.get("/api/admin/rebuild").json().get("state").asString()));

        JsonNode progress = admin.get("/api/admin/rebuild").json();
        assertThat(progress.get("replayed").asLong()).isEqualTo(progress.get("toReplay").asLong()).isPositive();
        List<String> stored = Awaitility.await("the rebuilt read model checkpointed").atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids = new ArrayList<>();
            participants.load(participant -> ids.add(participant.participantId()));
            return ids;
        }, ids -> ids.size() >= 2);
        assertThat(stored).as("the participants stored").doesNotContain(stray);
        Awaitility.await("the projection's offsets committed to the end after the rebuild").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(behind(service.group())).as("records applied but not committed, by partition").isEmpty());
        assertThat(projects.project(neverDefined)).as("the project no event defined").isEmpty();
        JsonNode rebuilt = http.get("/api/projects/" + project + "/indicators").json();
        assertThat(rebuilt.get("participants").asInt()).isEqualTo(1);
        assertThat(indicator(rebuilt, "participants").get("byGender").toString())
                .isEqualTo("{\"WOMAN\":1,\"MAN\":0,\"NON_BINARY\":0,\"NOT_STATED\":0}");
        assertThat(figures(rebuilt)).isEqualTo(figures(live));
        JsonNode twinRebuilt = awaitProject(twin, ProjectView::current);
        assertThat(withoutCurrency(twinRebuilt)).as("the twin's view, now final again").isEqualTo(withoutCurrency(live));
        assertThat(http.get("/api/indicators").json().get("projects")).extracting(column -> column.get("projectId").asString())
                .contains(project, twin).doesNotContain(neverDefined);
        assertThat(Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/projects/" + neverDefined + "/indicators"),
                reply -> reply.status() != 403).status()).as("the reader is STAFF of it, so a 403 means the grant is still on its way")
                .isEqualTo(404);
    }

    /**
     * The partitions of the projected topics where the group's committed offset is short of the end: what a restart
     * would replay. Once the projection is idle and its checkpoint written, none.
     */
    private static Map<String, Long> behind(String group) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (var description : admin.describeTopics(ProjectionFunction.PROJECTED_TOPICS.stream().map(EventTopic::topicName).toList())
                    .allTopicNames().get(30, java.util.concurrent.TimeUnit.SECONDS).values()) {
                description.partitions().forEach(partition -> latest.put(
                        new org.apache.kafka.common.TopicPartition(description.name(), partition.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
            }
            Map<String, Long> behind = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get(30, java.util.concurrent.TimeUnit.SECONDS).forEach((partition, end) -> {
                var at = committed.get(partition);
                long missing = end.offset() - (at == null ? 0 : at.offset());
                if (missing > 0) {
                    behind.put(partition.toString(), missing);
                }
            });
            return behind;
        }
    }

    /**
     * Applies what no event on the topics says to the service's read model (its working state, and so its store at the
     * next checkpoint): an enrolled man under 18, employed, later than any event of the project, and a project
     * definition. Returns the stray participant's id.
     */
    private static String plantStrays(IndicatorProjection projection, String projectId, String neverDefined) {
        String strayId = UUID.randomUUID().toString();
        Instant later = InventedEvents.AT.plus(Duration.ofDays(1));
        projection.apply(List.of(new ParticipantEvent.Enrolled(UUID.randomUUID().toString(), later, projectId, strayId,
                        InventedParticipants.entry(se.stegvis.reporting.indicators.domain.Gender.MAN, 17)),
                new ParticipantEvent.OutcomeRecorded(UUID.randomUUID().toString(), later, projectId, strayId,
                        new RecordedOutcome(UUID.randomUUID().toString(), "EMPLOYED", LocalDate.of(2025, 8, 1), "UPON_LEAVING", later)),
                new ProjectDefinition(UUID.randomUUID().toString(), later, neverDefined, "Aldrig definierat", "Norra Mellansverige",
                        "SE31", 10, List.of())));
        return strayId;
    }

    /** The figures of a project's view, without its id and name. */
    private static List<JsonNode> figures(JsonNode view) {
        return List.of(view.get("asOf"), view.get("participants"), view.get("indicators"), view.get("targets"));
    }

    /**
     * Integrators code against every field name and path of the views, so how current the figures are is one field
     * added at the end of each ({@code currency}), the rest as it was; once caught up it says CURRENT and nothing more.
     */
    @Test
    void each_view_says_how_current_it_is_in_one_added_field_and_keeps_every_field_it_had() {
        String project = newProject();
        topics.publish(InventedEvents.project(project, "Aktuellt"), InventedEvents.enrolled(project, UUID.randomUUID(), Gender.MAN, 40));
        JsonNode view = awaitProject(project, v -> v.get("participants").asInt() == 1 && ProjectView.current(v));
        String current = "{\"state\":\"CURRENT\",\"behindBy\":null,\"replayed\":null,\"toReplay\":null}";

        assertThat(view.get("currency").toString()).isEqualTo(current);
        assertThat(view.propertyNames()).containsExactly("projectId", "name", "region", "nuts2", "asOf", "plannedParticipants",
                "participants", "indicators", "targets", "currency", "asOfDate");
        JsonNode consolidated = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/indicators").json(),
                ProjectView::current);
        assertThat(consolidated.get("currency").toString()).isEqualTo(current);
        assertThat(consolidated.propertyNames()).containsExactly("asOf", "suppressedBelow", "projects", "total", "currency", "asOfDate");
    }

    /**
     * Enrolled 3 February 2025, guided 10 March, employed 1 August (the invented events' business dates): a view of an
     * earlier day counts what was dated by then. A day that is no date, or one after today, is a 400 naming asOf.
     */
    @Test
    void a_view_of_an_earlier_day_counts_what_was_dated_by_then_and_a_bad_or_later_day_is_a_400_naming_as_of() {
        String project = newProject();
        UUID woman = UUID.randomUUID();
        topics.publish(InventedEvents.project(project, "Förr och nu"), InventedEvents.enrolled(project, woman, Gender.WOMAN, 30),
                InventedEvents.guided(project, woman), InventedEvents.employed(project, woman));
        JsonNode today = awaitProject(project, v -> target(v, "work-or-studies").get("counted").asInt() == 1);
        assertThat(LocalDate.parse(today.get("asOfDate").asString())).isEqualTo(LocalDate.now(STOCKHOLM));
        assertThat(indicator(today, "participants").get("byTargetGroup").toString()).isEqualTo("{\"GANG_DEFECTOR\":1}");

        JsonNode beforeEnrolment = http.get("/api/projects/" + project + "/indicators?asOf=2025-02-02").json();
        JsonNode beforeGuidance = http.get("/api/projects/" + project + "/indicators?asOf=2025-03-09").json();
        JsonNode guided = http.get("/api/projects/" + project + "/indicators?asOf=2025-03-10").json();

        assertThat(List.of(beforeEnrolment.get("participants").asInt(), beforeGuidance.get("participants").asInt(),
                target(beforeGuidance, "guided-share").get("counted").asInt(), target(guided, "guided-share").get("counted").asInt(),
                target(guided, "guided-share").get("denominator").asInt(), target(guided, "work-or-studies").get("counted").asInt()))
                .containsExactly(0, 1, 0, 1, 1, 0);
        assertThat(guided.get("asOfDate").asString()).isEqualTo("2025-03-10");
        assertThat(http.get("/api/indicators?asOf=2025-03-10").json().get("asOfDate").asString()).isEqualTo("2025-03-10");

        LocalDate later = LocalDate.now(STOCKHOLM).plusDays(2);
        for (String asOf : List.of("2025-13-01", "yesterday", later.toString())) {
            for (String path : List.of("/api/projects/" + project + "/indicators?asOf=" + asOf, "/api/indicators?asOf=" + asOf)) {
                Http.Reply refused = http.get(path);
                assertThat(refused.status()).as(path).isEqualTo(400);
                assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
                assertThat(refused.json().get("field").asString()).as(path).isEqualTo("asOf");
            }
        }
    }

    @Test
    void the_api_is_described_in_openapi() {
        Http.Reply description = http.get("/v3/api-docs");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("/api/projects/{projectId}/indicators", "/api/indicators", "/api/admin/rebuild");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", SharedKafka.bootstrapServers(),
                "group.id", "dead-letter-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(service.deadLetterTopic()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
