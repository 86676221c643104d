package se.stegvis.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import se.stegvis.localstack.DemoMembers;
import se.stegvis.localstack.StackSettings;
import se.stegvis.localstack.TokenSource;
import se.stegvis.localstack.demo.DemoActivity;
import se.stegvis.localstack.demo.DemoData;
import se.stegvis.localstack.demo.DemoOutcome;
import se.stegvis.localstack.demo.DemoPerson;
import se.stegvis.localstack.demo.DemoPlan;
import se.stegvis.localstack.demo.DemoSettings;
import se.stegvis.schemas.EventTopic;

/**
 * Fills an empty stack through the services' HTTP APIs, as its users would, signed in through the stack's issuer:
 * <ol>
 * <li>the demo's invented people ({@link DemoData#plan}: the three projects of the built-in catalogue, realistic entry
 * data, identity numbers with a valid check digit), each enrolled as their project's staff; for a share of them
 * ({@code bench.stack.historyShare}) also their activities (a few retracted), their leaving and their outcomes at each
 * follow-up point reached (a few retracted), each kind in a pass of its own, as the demo loader sends them;
 * <li>the freshness pool: a project of its own, defined as {@code integrator} with {@code malmo-staff} as its STAFF,
 * and invented people enrolled and left there (numbers as {@link EnrolmentLoad} makes them), to whom the freshness
 * measurement later records one outcome each.
 * </ol>
 * Nothing is written around the services. Between passes it waits until the services that check the next requests
 * (activity-, outcome-service) have caught up through Kafka, so outcomes are filed with the leaving known.
 */
final class StackSeed {

    /** Who records the freshness pool's outcomes: STAFF of the pool's project. */
    static final String POOL_STAFF = "malmo-staff";
    static final String POOL_PROJECT = FreshnessParticipants.PROJECT;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CATCH_UP = Duration.ofHours(4);

    private final StackBenchSettings settings;
    private final StackSettings stack;
    private final TokenSource tokens;
    private final StackCalls calls;
    private final StackConsumers consumers;
    private final AtomicLong enrolled = new AtomicLong();
    private final AtomicLong activities = new AtomicLong();
    private final AtomicLong activitySlips = new AtomicLong();
    private final AtomicLong left = new AtomicLong();
    private final AtomicLong poolLeft = new AtomicLong();
    private final AtomicLong outcomes = new AtomicLong();
    private final AtomicLong outcomeSlips = new AtomicLong();

    StackSeed(StackBenchSettings settings, TokenSource tokens, StackConsumers consumers) {
        this.settings = settings;
        this.stack = settings.stack();
        this.tokens = tokens;
        this.calls = new StackCalls(tokens);
        this.consumers = consumers;
    }

    /** @param seededBy the commit and the time, for the manifest */
    SeedManifest seed(String seededBy) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long begin = System.nanoTime();
        definePoolProject();
        DemoPlan plan = DemoData.plan(DemoSettings.from(demoValues()));
        System.out.printf("[bench] seeding %,d demo participants (history for %.0f %%) and a freshness pool of %,d%n",
                plan.people().size(), settings.historyShare() * 100, settings.freshnessPool());
        seconds.put("plan", (System.nanoTime() - begin) / 1e9);

        Map<DemoPerson, String> ids = new ConcurrentHashMap<>();
        seconds.put("enrol the demo's people", Parallel.each(plan.people(), settings.clients(), "demo participants enrolled",
                person -> ids.put(person, enrol(person))));
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < settings.freshnessPool(); i++) {
            pool.add(i);
        }
        String[] poolIds = new String[pool.size()];
        seconds.put("enrol the freshness pool", Parallel.each(pool, settings.clients(), "freshness participants enrolled",
                i -> poolIds[i] = enrolInPool(i)));

        List<DemoPerson> withHistory = withHistory(plan.people());
        seconds.put("wait for activity-service", awaitCaughtUp());
        seconds.put("activities", Parallel.each(withHistory, settings.clients(), "participants' activities recorded",
                person -> recordActivities(person, ids.get(person))));
        seconds.put("leavings", Parallel.each(withHistory, settings.clients(), "demo participants' leavings sent",
                person -> leave(person, ids.get(person))));
        seconds.put("freshness pool leavings", Parallel.each(pool, settings.clients(), "freshness participants left",
                i -> leavePool(poolIds[i])));
        seconds.put("wait for outcome-service", awaitCaughtUp());
        seconds.put("outcomes", Parallel.each(withHistory, settings.clients(), "participants' outcomes recorded",
                person -> recordOutcomes(person, ids.get(person))));
        seconds.put("wait until every consumer caught up", awaitCaughtUp());
        seconds.put("seeding in all", (System.nanoTime() - begin) / 1e9);
        SeedManifest manifest = new SeedManifest(settings.seedKey(), seededBy, plan.people().size(), withHistory.size(), activities.get(),
                activitySlips.get(), left.get(), outcomes.get(), outcomeSlips.get(), List.of(poolIds), seconds);
        if (!manifest.published().equals(published())) {
            throw new IllegalStateException("the seeding counted " + published() + " events published, its manifest says " + manifest.published());
        }
        return manifest;
    }

    /** The people whose whole history is sent: every k-th of the plan's order, so the share is spread over time and projects. */
    <T> List<T> withHistory(List<T> people) {
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (Math.floor((i + 1) * settings.historyShare()) > Math.floor(i * settings.historyShare())) {
                chosen.add(people.get(i));
            }
        }
        return chosen;
    }

    private Map<String, String> demoValues() {
        Map<String, String> values = new LinkedHashMap<>(settings.stackValues());
        values.put(DemoSettings.FLAG + ".participants", String.valueOf(settings.demoPeople()));
        values.put(DemoSettings.FLAG + ".seed", String.valueOf(settings.seed()));
        return values;
    }

    /** What the requests so far published, by topic, as {@link SeedManifest#published()} counts it. */
    private Map<String, Long> published() {
        return Map.of(EventTopic.PARTICIPANTS.topicName(), enrolled.get() + left.get() + poolLeft.get(),
                EventTopic.ACTIVITIES.topicName(), activities.get() + 2 * activitySlips.get(),
                EventTopic.OUTCOMES.topicName(), outcomes.get() + 2 * outcomeSlips.get());
    }

    private double awaitCaughtUp() throws Exception {
        return consumers.awaitCaughtUp(CATCH_UP, published(), () -> true).toNanos() / 1e9;
    }

    private void definePoolProject() {
        String project = """
                {"name": "Färskhetsprojektet", "owner": {"name": "Bänkkommunen"}, "region": {"name": "Sydsverige", "nuts2": "SE22"},
                 "period": {"start": "2025-01-01", "end": "2027-12-31"}, "plannedParticipants": %d,
                 "targetGroups": [{"code": "YOUNG_PEOPLE_AT_RISK", "label": "Young people at risk"}],
                 "activityTypes": ["STUDIES"], "outcomeTypes": ["EMPLOYED"], "targets": [{"code": "participants", "target": %d}]}
                """.formatted(settings.freshnessPool(), settings.freshnessPool());
        calls.put(service("participant", "/api/projects/" + POOL_PROJECT), DemoMembers.INTEGRATOR, project)
                .expect("defining the freshness project", 200, 201);
        new DemoMembers(service("participant", ""), tokens).put(POOL_PROJECT, POOL_STAFF, "STAFF");
    }

    private String enrol(DemoPerson person) {
        Map<String, Object> body = new LinkedHashMap<>(JSON.convertValue(person.entry(), Map.class));
        // The age is worked out by participant-service from the number; the API takes no age.
        body.remove("ageAtEntry");
        body.put("person", person.person());
        String id = calls.post(service("participant", "/api/projects/" + person.projectId() + "/participants"),
                DemoMembers.staffOf(person.projectId()), JSON.writeValueAsString(body), person.key())
                .expect("enrolment " + person.key(), 201).text("participantId");
        enrolled.incrementAndGet();
        return id;
    }

    private String enrolInPool(int index) {
        String body = EnrolmentLoad.body(index).replace("\"" + EnrolmentLoad.HTTP_PROJECT + "\"", "\"" + POOL_PROJECT + "\"");
        String id = calls.post(service("participant", "/api/projects/" + POOL_PROJECT + "/participants"), POOL_STAFF, body,
                "bench-pool-" + settings.seed() + "-" + index).expect("enrolment in the freshness pool", 201).text("participantId");
        enrolled.incrementAndGet();
        return id;
    }

    private void leavePool(String participantId) {
        calls.post(service("participant", "/api/participants/" + participantId + "/leave"), POOL_STAFF,
                "{\"leftOn\": \"" + FreshnessParticipants.LEFT_ON + "\", \"reason\": \"COMPLETED\"}", null)
                .expect("leaving of a freshness participant", 200);
        poolLeft.incrementAndGet();
    }

    private void recordActivities(DemoPerson person, String id) {
        String staff = DemoMembers.staffOf(person.projectId());
        for (DemoActivity activity : person.activities()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", activity.type());
            body.put("date", activity.date().toString());
            body.put("hours", activity.hours());
            String activityId = calls.post(service("activity", "/api/participants/" + id + "/activities"), staff,
                    JSON.writeValueAsString(body), activity.idempotencyKey()).expect("activity " + activity.idempotencyKey(), 201)
                    .text("activityId");
            if (activity.mistaken()) {
                calls.delete(service("activity", "/api/activities/" + activityId), staff).expect("retraction of an activity", 204);
                activitySlips.incrementAndGet();
            } else {
                activities.incrementAndGet();
            }
        }
    }

    private void leave(DemoPerson person, String id) {
        if (person.leaving() == null) {
            return;
        }
        calls.post(service("participant", "/api/participants/" + id + "/leave"), DemoMembers.staffOf(person.projectId()),
                "{\"leftOn\": \"" + person.leaving().leftOn() + "\", \"reason\": \"" + person.leaving().reason() + "\"}", null)
                .expect("leaving of " + person.key(), 200);
        left.incrementAndGet();
    }

    /**
     * Each planned outcome, with a key of its own; outcome-service must file it at the planned follow-up point, which
     * it does once it knows the leaving (awaited before this pass). A planned mistake is retracted.
     */
    private void recordOutcomes(DemoPerson person, String id) {
        String staff = DemoMembers.staffOf(person.projectId());
        List<DemoOutcome> planned = person.outcomes();
        for (int i = 0; i < planned.size(); i++) {
            DemoOutcome outcome = planned.get(i);
            StackCalls.Answer answer = calls.post(service("outcome", "/api/participants/" + id + "/outcomes"), staff,
                    "{\"type\": \"" + outcome.type() + "\", \"date\": \"" + outcome.date() + "\"}", person.key() + "-o" + i)
                    .expect("outcome of " + person.key(), 201);
            if (outcome.mistaken()) {
                calls.delete(service("outcome", "/api/outcomes/" + answer.text("outcomeId")), staff).expect("retraction of an outcome", 204);
                outcomeSlips.incrementAndGet();
            } else if (!outcome.followUp().equals(answer.text("followUp"))) {
                throw new IllegalStateException("outcome-service filed an outcome of " + person.key() + " at " + answer.text("followUp")
                        + ", not " + outcome.followUp() + ", though it had caught up with the leavings");
            } else {
                outcomes.incrementAndGet();
            }
        }
    }

    private URI service(String key, String path) {
        return URI.create("http://127.0.0.1:" + stack.port(key) + path);
    }
}
