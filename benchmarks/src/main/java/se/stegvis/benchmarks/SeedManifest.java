package se.stegvis.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import se.stegvis.schemas.EventTopic;

/**
 * What a seeding stored and how long each of its passes took, kept in the seeded data directory beside the stack's
 * own data ({@value #FILE}), so that a run that starts from the cache reports the seeding it rests on. The freshness
 * pool's participant ids are pseudonymous ids as every event carries them, nothing personal.
 *
 * @param seededBy the commit that seeded it and when: a cached seeding outlives changes to the code, and a change to what the
 *                 services store wants a new one (delete the cache)
 * @param seconds  each pass by name, in the order they ran
 */
record SeedManifest(String key, String seededBy, int demoPeople, int withHistory, long activities, long activitySlips, long left, long outcomes,
                    long outcomeSlips, List<String> poolIds, Map<String, Double> seconds) {

    static final String FILE = "bench-seed.properties";

    int participants() {
        return demoPeople + poolIds.size();
    }

    /**
     * The events the seeding's requests published, by topic: one per enrolment and leaving (the pool's people all
     * left), per activity or outcome kept, and two per one recorded and retracted.
     */
    Map<String, Long> published() {
        return Map.of(EventTopic.PARTICIPANTS.topicName(), (long) participants() + left + poolIds.size(),
                EventTopic.ACTIVITIES.topicName(), activities + 2 * activitySlips,
                EventTopic.OUTCOMES.topicName(), outcomes + 2 * outcomeSlips);
    }

    void writeTo(Path dataDir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("key", key);
        properties.setProperty("seededBy", seededBy);
        properties.setProperty("demoPeople", String.valueOf(demoPeople));
        properties.setProperty("withHistory", String.valueOf(withHistory));
        properties.setProperty("activities", String.valueOf(activities));
        properties.setProperty("activitySlips", String.valueOf(activitySlips));
        properties.setProperty("left", String.valueOf(left));
        properties.setProperty("outcomes", String.valueOf(outcomes));
        properties.setProperty("outcomeSlips", String.valueOf(outcomeSlips));
        properties.setProperty("poolIds", String.join(",", poolIds));
        properties.setProperty("passes", String.join(",", seconds.keySet()));
        seconds.forEach((pass, value) -> properties.setProperty("seconds." + pass, String.valueOf(value)));
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.store(out, "What the stack benchmark seeded into this data directory");
        }
    }

    /** The manifest of a seeded data directory; fails when there is none (a seeding that did not finish). */
    static SeedManifest readFrom(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": not a finished seeding");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String pass : properties.getProperty("passes").split(",")) {
            seconds.put(pass, Double.parseDouble(properties.getProperty("seconds." + pass)));
        }
        String ids = properties.getProperty("poolIds");
        return new SeedManifest(properties.getProperty("key"), properties.getProperty("seededBy"), number(properties, "demoPeople"), number(properties, "withHistory"),
                number(properties, "activities"), number(properties, "activitySlips"), number(properties, "left"),
                number(properties, "outcomes"), number(properties, "outcomeSlips"),
                ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")), seconds);
    }

    private static int number(Properties properties, String name) {
        return Integer.parseInt(properties.getProperty(name));
    }
}
