package se.stegvis.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import se.stegvis.localstack.StackSettings;

/**
 * The stack benchmark's sizes and places, each a system property {@code bench.stack.*} with the size the issue asks
 * for as its default, so that a smaller run for trying is one property away.
 *
 * @param participants    invented participants stored before anything is measured: the demo's people and the
 *                        freshness pool together
 * @param historyShare    the share of the demo's people whose activities, leaving and outcomes are sent too (the
 *                        rest are only enrolled); 1 sends the whole plan
 * @param seed            the demo plan's seed: the same people on every run
 * @param clients         concurrent HTTP clients while seeding
 * @param rounds          measured rounds of the rebuild and of the replica's catch-up
 * @param rate            outcome commands per second in the freshness measurement
 * @param freshnessSeconds how long the freshness measurement sends commands
 * @param warmUpSeconds   commands at the same rate before it, not measured
 * @param idleSeconds     plain Kafka alone before the load, for the idle latency
 * @param senders         threads that send the outcome commands (open loop); by default as many as commands a second, so
 *                        the offered rate holds while a command takes up to a second (with fewer, a slow service
 *                        would lower the rate it is offered, and the loop would no longer be open)
 * @param portOffset      added to each of the launcher's default ports, so the benchmark's stack never meets a
 *                        developer's on the defaults
 * @param root            the reactor root: where every module's {@code target/*-exec.jar} is
 * @param workDir         the benchmark's own directory: the running stack's data and the cache of seeded ones
 */
record StackBenchSettings(int participants, double historyShare, long seed, int clients, int rounds, int rate,
                          int freshnessSeconds, int warmUpSeconds, int idleSeconds, int senders, int portOffset,
                          Path root, Path workDir) {

    /** The launcher's port keys: {@code stegvis.<key>.port}; management ports follow their service's (+100). */
    static final List<String> PORT_KEYS = List.of("kafka", "kafka.controller", "mongo", "registry", "issuer", "participant",
            "activity", "outcome", "reporting");
    static final int DEFAULT_PARTICIPANTS = 100_000;
    static final int DEFAULT_RATE = 200;

    StackBenchSettings {
        // The accessors read fields not assigned yet in a compact constructor: only the parameters here.
        if (participants < 1 || rate < 1 || freshnessSeconds < 1 || warmUpSeconds < 0 || rounds < 1 || clients < 1 || senders < 1) {
            throw new IllegalArgumentException("bench.stack.* sizes must be positive (the warm-up may be 0)");
        }
        if (historyShare < 0 || historyShare > 1) {
            throw new IllegalArgumentException("bench.stack.historyShare=" + historyShare + " must be between 0 and 1");
        }
        long pool = (long) rate * (warmUpSeconds + freshnessSeconds);
        if (pool * 2 > participants) {
            throw new IllegalArgumentException(String.format("the freshness measurement needs %,d participants who have left "
                    + "(bench.stack.rate x (bench.stack.warmUpSeconds + bench.stack.freshnessSeconds)); that may be at most half "
                    + "of bench.stack.participants=%,d, the rest being the demo's people: lower the rate or the seconds, or raise "
                    + "the participants", pool, participants));
        }
    }

    static StackBenchSettings from(Properties properties) {
        Path root = Path.of(properties.getProperty("stegvis.root", ".")).toAbsolutePath().normalize();
        int rate = integer(properties, "rate", DEFAULT_RATE);
        return new StackBenchSettings(
                integer(properties, "participants", DEFAULT_PARTICIPANTS),
                Double.parseDouble(text(properties, "historyShare", "1")),
                Long.parseLong(text(properties, "seed", "20240902")),
                integer(properties, "clients", 8),
                integer(properties, "rounds", 3),
                rate,
                integer(properties, "freshnessSeconds", 180),
                integer(properties, "warmUpSeconds", 30),
                integer(properties, "idleSeconds", 20),
                integer(properties, "senders", Math.max(32, rate)),
                integer(properties, "portOffset", 10_000),
                root,
                root.resolve(text(properties, "workDir", "benchmarks/target/stack-bench")).toAbsolutePath().normalize());
    }

    /** {@code bench.stack.<name>}; blank means the default, so that a build can pass on a property nobody set. */
    private static String text(Properties properties, String name, String fallback) {
        String value = properties.getProperty("bench.stack." + name, "").trim();
        return value.isEmpty() ? fallback : value;
    }

    private static int integer(Properties properties, String name, int fallback) {
        String value = text(properties, name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench.stack." + name + "=" + value + " is not a whole number");
        }
    }

    /** Participants enrolled and left for the freshness measurement: one outcome each, warm-up included. */
    int freshnessPool() {
        return rate * (warmUpSeconds + freshnessSeconds);
    }

    /** The demo's people: the rest of the participants. */
    int demoPeople() {
        return participants - freshnessPool();
    }

    /** Where the running stack keeps its data: a copy of the cached seed, thrown away by the next run. */
    Path dataDir() {
        return workDir.resolve("data");
    }

    /** Where seeded data directories are kept, one per seed key. */
    Path cacheDir() {
        return workDir.resolve("seeded");
    }

    /**
     * What makes a seeded data directory: every input of the seeding. Another value of any of them is another
     * directory; the measurements' own sizes (rounds, seconds of commands already counted in the pool) are not in it.
     */
    String seedKey() {
        return String.format(java.util.Locale.ROOT, "p%d-pool%d-share%s-seed%d", participants, freshnessPool(),
                String.valueOf(historyShare).replace('.', '_'), seed);
    }

    /**
     * The launcher's {@code stegvis.*} values for this benchmark: the root, the data directory and every port moved by
     * the offset. Everything else is left to the launcher's defaults, as {@code ./mvnw -Pstack} leaves it.
     */
    Map<String, String> stackValues() {
        StackSettings defaults = StackSettings.from(Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("stegvis.root", root.toString());
        values.put("stegvis.data.dir", dataDir().toString());
        for (String key : PORT_KEYS) {
            values.put("stegvis." + key + ".port", String.valueOf(defaults.port(key) + portOffset));
        }
        return values;
    }

    StackSettings stack() {
        return StackSettings.from(stackValues());
    }

    /** The ports of the extra outcome-service whose replica's catch-up is timed: after the launcher's own. */
    int catchUpPort() {
        return stack().port("outcome") + 2;
    }

    int catchUpManagementPort() {
        return catchUpPort() + 100;
    }

    /** This run's settings as the {@code -D} flags that would repeat it. */
    String flags() {
        return String.format(java.util.Locale.ROOT, "-Dbench.stack.participants=%d -Dbench.stack.historyShare=%s -Dbench.stack.seed=%d "
                + "-Dbench.stack.clients=%d -Dbench.stack.rounds=%d -Dbench.stack.rate=%d -Dbench.stack.freshnessSeconds=%d "
                + "-Dbench.stack.warmUpSeconds=%d -Dbench.stack.idleSeconds=%d -Dbench.stack.senders=%d -Dbench.stack.portOffset=%d",
                participants, historyShare, seed, clients, rounds, rate, freshnessSeconds, warmUpSeconds, idleSeconds, senders, portOffset);
    }
}
