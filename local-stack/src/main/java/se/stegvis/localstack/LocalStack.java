package se.stegvis.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import se.stegvis.localstack.demo.DemoData;
import se.stegvis.localstack.demo.DemoLoadFailed;
import se.stegvis.localstack.demo.DemoSettings;

/**
 * Runs the whole system on this machine until Ctrl-C: Kafka, the Mongo-wire server, the registry and every built
 * service, each a child JVM that is ready before the next one starts. See local-stack/README.md for the options.
 */
public final class LocalStack {

    static final String RUNNING = "Stegvis is running";

    private final StackSettings settings;
    private final List<ChildProcess> started = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean running;

    LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings;
        DemoSettings demo;
        try {
            Map<String, String> values = StackSettings.values(System.getProperties(), args);
            settings = StackSettings.from(values);
            demo = DemoSettings.from(values);
        } catch (IllegalArgumentException e) {
            System.err.println("[stack] " + e.getMessage());
            System.exit(2);
            return;
        }
        JavaCommand java = JavaCommand.forThisJvm(settings);
        KafkaBroker kafka = new KafkaBroker(settings, java);
        StackPlan plan = StackPlan.of(settings, java, kafka);
        Optional<String> portProblem = PortCheck.firstProblem(plan.ports());
        if (portProblem.isPresent()) {
            System.err.println("[stack] " + portProblem.get());
            System.exit(2);
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stack-stop"));
        if (!stack.start(plan, kafka)) {
            stack.stop();
            System.exit(1);
        }
        if (demo.loadWithStack()) {
            stack.loadDemoData(demo);
        }
        new CountDownLatch(1).await();
    }

    /**
     * The invented participants of {@code -Dstegvis.demo=true}, through the services' APIs as any client would send
     * them. A failed load leaves the stack running: it is still of use, and the cause is printed.
     */
    void loadDemoData(DemoSettings demo) {
        try {
            DemoData.load(demo, System.out);
            say(RUNNING + " with demo data. Press Ctrl-C to stop.");
        } catch (DemoLoadFailed e) {
            if (!stopping) {
                say("demo data not loaded: " + e.getMessage());
            }
        }
    }

    boolean start(StackPlan plan, KafkaBroker kafka) throws Exception {
        say("data in " + settings.dataDir() + ", logs in " + settings.logDir());
        plan.skipped().forEach(skipped -> say("skipping " + skipped));
        Path masterKey = StackPlan.masterKeyFile(settings);
        if (MasterKeyFile.ensure(masterKey)) {
            say("created the master key for personal data in " + masterKey
                    + " (keep it: without it the sealed personal data cannot be read)");
        }
        Path registryCredentials = StackPlan.registryCredentialsFile(settings);
        if (RegistryCredentialsFile.ensure(registryCredentials)) {
            say("created the schema registry's credential in " + registryCredentials
                    + " (writes to the registry need it; the services are given it)");
        }
        kafka.writeConfig();
        if (!kafka.isFormatted()) {
            say("formatting the Kafka storage in " + kafka.logDir() + " (first start)");
            kafka.formatIfNeeded(settings.startTimeout());
        }
        for (StackComponent component : plan.components()) {
            if (stopping || !start(component)) {
                return false;
            }
            if (component.logName().equals("participant-service")) {
                ensureDemoMembers(plan);
            }
        }
        say("");
        for (StackComponent component : plan.components()) {
            say(String.format(Locale.ROOT, "%-20s %s", component.name(), component.address()));
        }
        say(String.format(Locale.ROOT, "%-20s %s (client credentials: curl -u malmo-staff:demo -d "
                + "grant_type=client_credentials %s/oauth2/token)", "sign-in issuer", settings.issuerUrl(), settings.issuerUrl()));
        say("management ports (metrics, actuator): " + String.join(", ", StackSettings.SERVICES.stream()
                .map(service -> service + " " + settings.managementPort(service)).toList()));
        say("logs in " + settings.logDir());
        say(RUNNING + ". Press Ctrl-C to stop.");
        running = true;
        return true;
    }

    private boolean start(StackComponent component) throws Exception {
        say("starting " + component.name() + " on " + component.port() + " …");
        long begin = System.nanoTime();
        ChildProcess child = ChildProcess.start(component.name(), component.command(), settings.root(),
                settings.logDir().resolve(component.logName() + ".log"));
        synchronized (started) {
            if (stopping) {
                child.stop(settings.stopTimeout());
                return false;
            }
            started.add(child);
        }
        child.onExit(() -> {
            if (running && !stopping) {
                say(component.name() + " exited (code " + child.exitValue() + "); its log: " + child.log());
            }
        });
        long deadline = begin + settings.startTimeout().toNanos();
        while (!stopping && child.isAlive() && !component.readiness().check()) {
            if (System.nanoTime() > deadline) {
                fail(child, component.name() + " did not become ready (" + component.waitsFor() + ") within "
                        + settings.startTimeout().toSeconds() + " s");
                return false;
            }
            child.awaitExit(Duration.ofMillis(250));
        }
        if (!child.isAlive()) {
            fail(child, component.name() + " exited during start (code " + child.exitValue() + ")");
            return false;
        }
        say(String.format(Locale.ROOT, "%s ready in %.1f s (log: %s)", component.name(),
                (System.nanoTime() - begin) / 1e9, child.log()));
        return true;
    }

    /**
     * The demo identities' project memberships (local-issuer/README.md), as {@code admin} through participant-service,
     * so the README's walkthrough works right after start. Only the local stack does this; a failure is printed and
     * the stack goes on, as the API still works for whoever is made a member.
     */
    private void ensureDemoMembers(StackPlan plan) {
        if (plan.components().stream().noneMatch(component -> component.logName().equals("local-issuer"))) {
            say("demo memberships not made: the issuer is not running");
            return;
        }
        try {
            List<String> lines = new DemoMembers(URI.create("http://127.0.0.1:" + settings.port("participant")),
                    IssuerTokens.of(settings)).ensure();
            say("demo memberships: " + String.join("; ", lines));
        } catch (IllegalStateException e) {
            say("demo memberships not made: " + e.getMessage());
        }
    }

    private void fail(ChildProcess child, String message) {
        say(message + "; the last lines of " + child.log() + ":");
        child.lastLogLines(30).forEach(line -> System.out.println("    " + line));
    }

    /** Stops the services first, then the registry, MongoDB and Kafka last; safe to call twice. */
    void stop() {
        List<ChildProcess> toStop;
        synchronized (started) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = new ArrayList<>(started);
        }
        if (toStop.isEmpty()) {
            return;
        }
        say("stopping …");
        for (int i = toStop.size() - 1; i >= 0; i--) {
            ChildProcess child = toStop.get(i);
            try {
                child.stop(settings.stopTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                say("interrupted while stopping " + child.name());
                return;
            }
        }
        say("stopped");
    }

    private static void say(String message) {
        System.out.println(message.isEmpty() ? "" : "[stack] " + message);
        System.out.flush();
    }
}
