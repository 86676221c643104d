package se.stegvis.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the stack starts, in order: Kafka, the Mongo-wire server, the registry, the OpenID Connect issuer, then every
 * service whose executable jar has been built (reporting last). Missing jars are reported in {@link #skipped()}.
 */
public record StackPlan(List<StackComponent> components, List<String> skipped) {

    /** The service keys (module = key + "-service", database = "stegvis-" + key) in start order. */
    static final List<String> SERVICES = StackSettings.SERVICES;

    /**
     * The JVM options of each child started from a jar, before the common ones. The largest heap: reporting-service
     * keeps its read model's working state in memory, budgeted at a gigabyte for 100,000 participants; the other
     * services hold little beyond a request's or a batch's objects, their state is in MongoDB. The registry
     * and the issuer answer a few requests (the services keep schema ids and the issuer's keys), so they stay on C1
     * code, which starts them in half the time of full tiered compilation on two busy cores. reporting-service
     * collects with G1, as the Mongo-wire server does ({@link #MONGO_COLLECTOR}, which says why); a child's own
     * collector replaces the common options' ({@link JavaCommand#plain}).
     */
    static final Map<String, List<String>> OPTIONS = Map.of(
            "registry", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
            "issuer", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
            "participant", List.of("-Xmx256m"), "activity", List.of("-Xmx256m"), "outcome", List.of("-Xmx256m"),
            "reporting", List.of("-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=100"));

    /**
     * The Mongo-wire server's heap and H2's page cache within it (MB, counted at what documents take of the heap, see
     * {@code HeapFootprint}). H2's default cache is 16 MB; with 100,000 participants the pages the services touch
     * under load (replicas read, checkpoints and commands write) are some hundreds of MB decoded, and every page read
     * past the cache is read from the file and decoded again, then promoted and collected. On the stack benchmark's
     * store, a gigabyte with 256 MB of cache gave a freshness p99 of 674 ms (pauses of up to 0.36 s, 20 s of pauses in
     * 4 minutes) and a replica catch-up of 4,827 events/s; two gigabytes with 768 MB gave 138 ms (12 s of pauses) and
     * 5,303/s in the next run, and 643 ms and 4,961/s in the run after it: the tail varies that much from run to run,
     * and the server still pauses. The rest of the heap holds what a query or a bulk write has in hand, and G1's room.
     */
    static final String MONGO_HEAP = "-Xmx2g";
    /**
     * The two children whose pauses every request waits for, and whose heaps hold hundreds of megabytes of data that
     * turns over (H2's page cache; reporting-service's working state, made anew by a rebuild), collect with G1 and a
     * pause goal instead of the common serial collector. With the serial collector, on the stack benchmark's store of
     * 100,000 participants, the Mongo-wire server paused for a full collection of 0.4 to 0.7 s every half minute and
     * for young ones of about 0.1 s, and reporting-service spent more than half of a 3 to 5 s rebuild in collections
     * (its new working state survives every young collection and fills the old generation beside the one it replaces).
     */
    static final List<String> MONGO_COLLECTOR = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50");
    static final int MONGO_CACHE_MB = 768;

    public static StackPlan of(StackSettings settings, JavaCommand java, KafkaBroker kafka) {
        List<StackComponent> components = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int kafkaPort = settings.port("kafka");
        components.add(new StackComponent("Kafka", "kafka",
                List.of(use(settings, "kafka", "Kafka"), use(settings, "kafka.controller", "Kafka controller")),
                kafka.command(), Readiness.kafka(kafkaPort), "127.0.0.1:" + kafkaPort, "a describeCluster answer"));

        int mongoPort = settings.port("mongo");
        List<String> mongoOptions = new ArrayList<>(List.of(MONGO_HEAP));
        mongoOptions.addAll(MONGO_COLLECTOR);
        mongoOptions.add("-Dorg.apache.logging.log4j.level=INFO");
        List<String> mongo = java.command(mongoOptions.toArray(String[]::new));
        mongo.addAll(List.of(MongoWireServer.class.getName(), String.valueOf(mongoPort),
                settings.dataDir().resolve("mongo").resolve("stegvis.mv").toString(), String.valueOf(MONGO_CACHE_MB)));
        components.add(new StackComponent("MongoDB", "mongo", List.of(use(settings, "mongo", "MongoDB")), mongo,
                Readiness.mongo(mongoPort), "mongodb://127.0.0.1:" + mongoPort, "an isMaster answer"));

        addJar(components, skipped, settings, java, "registry", "schema-registry",
                List.of("--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort, importRegistryCredentials(settings)));
        // The issuer's URL says localhost, as the browser and the services will write it: a token's iss must equal
        // the issuer-uri the services check, and the dashboard (on localhost too) is the origin that exchanges codes.
        String issuer = settings.issuerUrl();
        String dashboard = "http://localhost:" + settings.port("reporting");
        // Its signing key is kept in the data directory: tokens outlive a restart of the stack, and the stack's tests
        // can sign tokens with the real key (an expired one, say).
        addJar(components, skipped, settings, java, "issuer", "local-issuer", List.of(
                "--stegvis.issuer.url=" + issuer,
                "--stegvis.issuer.dashboard-redirect-uris=" + dashboard + "/",
                "--stegvis.issuer.allowed-origins=" + dashboard,
                "--stegvis.issuer.key-file=" + issuerKeyFile(settings.dataDir())));
        for (String service : SERVICES) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/stegvis-" + service,
                    "--stegvis.schema-registry.url=http://127.0.0.1:" + settings.port("registry"),
                    // mongo-java-server does not answer "hello", which Boot's MongoDB health indicator sends.
                    "--management.health.mongodb.enabled=false",
                    // One instance of each service here: its consumer group's static member, so a restarted service
                    // takes its partitions back at once instead of waiting for the old session to time out.
                    "--stegvis.kafka.instance-id=" + service + "-service.local",
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "--management.server.port=" + settings.managementPort(service),
                    importRegistryCredentials(settings)));
            if (service.equals("participant")) {
                arguments.add("--stegvis.crypto.master-key-file=" + masterKeyFile(settings));
            }
            addJar(components, skipped, settings, java, service, service + "-service", arguments);
        }
        return new StackPlan(List.copyOf(components), List.copyOf(skipped));
    }

    /** Where the local stack keeps participant-service's master key. */
    static Path masterKeyFile(StackSettings settings) {
        return settings.dataDir().resolve("keys").resolve("master.key");
    }

    /** Where the local stack keeps its issuer's signing key, which the issuer makes on its first start. */
    static Path issuerKeyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("issuer-key.json");
    }

    /** Where the local stack keeps the schema registry's credential (see {@link RegistryCredentialsFile}). */
    static Path registryCredentialsFile(StackSettings settings) {
        return settings.dataDir().resolve("keys").resolve("registry.properties");
    }

    /** The registry's user and the services' credential, read from that file: not on a command line, which ps shows. */
    private static String importRegistryCredentials(StackSettings settings) {
        return "--spring.config.import=file:" + registryCredentialsFile(settings);
    }

    /** {@code <root>/<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar} */
    static Path executableJar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    public List<PortUse> ports() {
        return components.stream().flatMap(component -> component.ports().stream()).toList();
    }

    private static void addJar(List<StackComponent> components, List<String> skipped, StackSettings settings,
                               JavaCommand java, String key, String module, List<String> arguments) {
        Path jar = executableJar(settings.root(), module);
        if (!Files.isRegularFile(jar)) {
            skipped.add(module + ": no " + settings.root().relativize(jar) + " (build it: ./mvnw -pl " + module + " package)");
            return;
        }
        int port = settings.port(key);
        String path = settings.readyPath(key);
        List<String> command = java.plain(OPTIONS.get(key).toArray(String[]::new));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        List<PortUse> ports = new ArrayList<>(List.of(use(settings, key, module)));
        String address = "http://127.0.0.1:" + port;
        if (SERVICES.contains(key)) {
            String management = StackSettings.managementKey(key);
            ports.add(use(settings, management, module + " management"));
            address += " (metrics: http://127.0.0.1:" + settings.port(management) + "/actuator/prometheus)";
        }
        components.add(new StackComponent(module, module, List.copyOf(ports), command,
                Readiness.http(port, path), address, "GET " + path + " to answer 200"));
    }

    private static PortUse use(StackSettings settings, String key, String component) {
        return new PortUse(settings.port(key), component, StackSettings.portProperty(key));
    }
}
