package se.stegvis.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import se.stegvis.localstack.IssuerTokens;
import se.stegvis.localstack.StackSettings;

/**
 * The running stack as the measurements reach it: its addresses (on the benchmark's ports), its issuer's tokens and
 * its processes.
 */
final class StackUnderTest {

    private final StackSettings stack;
    private final LaunchedStack launched;
    private final IssuerTokens tokens;

    StackUnderTest(StackSettings stack, LaunchedStack launched, IssuerTokens tokens) {
        this.stack = stack;
        this.launched = launched;
        this.tokens = tokens;
    }

    StackSettings settings() {
        return stack;
    }

    IssuerTokens tokens() {
        return tokens;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + stack.port("kafka");
    }

    /** The registry answers reads to anyone; only writes need its credential. */
    String registryUrl() {
        return "http://127.0.0.1:" + stack.port("registry");
    }

    String url(String service, String path) {
        return "http://127.0.0.1:" + stack.port(service) + path;
    }

    URI uri(String service, String path) {
        return URI.create(url(service, path));
    }

    int managementPort(String service) {
        return stack.managementPort(service);
    }

    /** Every service's management port, by the service's name. */
    Map<String, Integer> managementPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : new String[] {"participant", "activity", "outcome", "reporting"}) {
            ports.put(service + "-service", stack.managementPort(service));
        }
        return ports;
    }

    String bearer(String identity) {
        return tokens.bearer(identity);
    }

    long pid(String process) {
        return launched.pid(process);
    }

    /** The stack's processes by name ({@link LaunchedStack#processes()}), as pids. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        launched.processes().forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }
}
