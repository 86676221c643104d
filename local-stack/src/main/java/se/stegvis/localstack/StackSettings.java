package se.stegvis.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the stack lives and which ports it uses. Every value has a default and can be overridden by a system
 * property ({@code -Dstegvis.kafka.port=9192}) or an argument ({@code --stegvis.kafka.port=9192}); an empty
 * value means "use the default" so a build can forward unset properties.
 */
public record StackSettings(Path root, Path dataDir, Map<String, Integer> ports, Map<String, String> readyPaths,
                            Duration startTimeout, Duration stopTimeout, List<String> jvmOptions) {

    static final String PREFIX = "stegvis.";

    /** Default ports by component key; see {@link #portProperty(String)}. */
    static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "kafka", 9092, "kafka.controller", 9093, "mongo", 27017, "registry", 8081, "issuer", 8094,
            "participant", 8091, "activity", 8092, "outcome", 8093, "reporting", 8090);

    /**
     * The services, whose actuator (metrics and the rest) listens on a management port of its own: key
     * {@code <service>.management}, by default the API port + 100 (participant 8191, reporting 8190, ...).
     */
    static final List<String> SERVICES = List.of("participant", "activity", "outcome", "reporting");
    static final int MANAGEMENT_OFFSET = 100;

    /** The services' API port answers only {@code /livez} and {@code /readyz} without a token. */
    static final Map<String, String> DEFAULT_READY_PATHS = Map.of(
            "registry", "/subjects", "issuer", "/.well-known/openid-configuration", "participant", "/readyz", "activity", "/readyz",
            "outcome", "/readyz", "reporting", "/readyz");

    /**
     * Added to every child JVM. For a stack that runs for hours, on two cores: full tiered compilation (C1-only code,
     * {@code -XX:TieredStopAtLevel=1}, starts a Spring Boot JVM in about half the time but runs several times
     * slower, and the stack's work is the services' and the Mongo-wire server's hot loops); the serial collector,
     * because eight JVMs share two cores, so a parallel collector's threads would only contend with the other JVMs
     * while its pauses barely shrink, and serial has the smallest footprint (the Mongo-wire server and
     * reporting-service, whose pauses matter most, choose G1 for themselves, see {@link StackPlan#MONGO_COLLECTOR});
     * smaller thread stacks. The heaps, and C1 code for the two children that do little but must start, are set per
     * component ({@link StackPlan}).
     */
    static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -Xss512k";

    public static StackSettings from(Properties systemProperties, String[] args) {
        return from(values(systemProperties, args));
    }

    /**
     * Every {@code stegvis.*} value given, arguments over system properties, blank ones left out; shared with the
     * demo-data loader so that it reads the same ports the same way.
     */
    public static Map<String, String> values(Properties systemProperties, String[] args) {
        Map<String, String> values = new HashMap<>();
        systemProperties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> values.put(name, systemProperties.getProperty(name)));
        for (String arg : args) {
            String option = arg.startsWith("--") ? arg.substring(2) : arg;
            int equals = option.indexOf('=');
            if (!option.startsWith(PREFIX) || equals < 0) {
                throw new IllegalArgumentException("Unknown argument " + arg + ": expected --stegvis.<name>=<value>");
            }
            values.put(option.substring(0, equals), option.substring(equals + 1));
        }
        values.values().removeIf(String::isBlank);
        return values;
    }

    public static StackSettings from(Map<String, String> values) {
        Path root = Path.of(values.getOrDefault("stegvis.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(values.getOrDefault("stegvis.data.dir", "data")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new HashMap<>();
        DEFAULT_PORTS.forEach((key, port) -> ports.put(key, parsePort(values, portProperty(key), port)));
        for (String service : SERVICES) {
            String key = managementKey(service);
            ports.put(key, parsePort(values, portProperty(key), ports.get(service) + MANAGEMENT_OFFSET));
        }
        Map<String, String> readyPaths = new HashMap<>();
        DEFAULT_READY_PATHS.forEach((key, path) -> readyPaths.put(key, values.getOrDefault(readyPathProperty(key), path)));
        Duration startTimeout = Duration.ofSeconds(parseLong(values, "stegvis.start-timeout", 180));
        Duration stopTimeout = Duration.ofSeconds(parseLong(values, "stegvis.stop-timeout", 30));
        List<String> jvmOptions = Arrays.stream(values.getOrDefault("stegvis.jvm-options", DEFAULT_JVM_OPTIONS).split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
        return new StackSettings(root, dataDir, Map.copyOf(ports), Map.copyOf(readyPaths), startTimeout, stopTimeout, jvmOptions);
    }

    public int port(String key) {
        Integer port = ports.get(key);
        if (port == null) {
            throw new IllegalArgumentException("No port for " + key);
        }
        return port;
    }

    /** The port of a service's actuator ({@code management.server.port}). */
    public int managementPort(String service) {
        return port(managementKey(service));
    }

    static String managementKey(String service) {
        return service + ".management";
    }

    /** Where the stack's OpenID Connect issuer answers, and every token's {@code iss}. */
    public String issuerUrl() {
        return "http://localhost:" + port("issuer");
    }

    public String readyPath(String key) {
        return readyPaths.get(key);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    static String portProperty(String key) {
        return PREFIX + key + ".port";
    }

    static String readyPathProperty(String key) {
        return PREFIX + key + ".ready-path";
    }

    private static int parsePort(Map<String, String> values, String property, int fallback) {
        long port = parseLong(values, property, fallback);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(property + "=" + port + " is not a port (1-65535)");
        }
        return (int) port;
    }

    /** The number a property gives, or the fallback when it is not given. */
    public static long parseLong(Map<String, String> values, String property, long fallback) {
        String value = values.get(property);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + "=" + value + " is not a number");
        }
    }
}
