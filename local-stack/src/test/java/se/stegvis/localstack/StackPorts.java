package se.stegvis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A free loopback port for every component, all chosen while held so that none is given twice. */
record StackPorts(Map<String, Integer> byKey) {

    static StackPorts free() {
        List<ServerSocket> held = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try {
            for (String key : List.of("kafka", "kafka.controller", "mongo", "registry", "issuer", "participant",
                    "activity", "outcome", "reporting", "participant.management", "activity.management", "outcome.management",
                    "reporting.management")) {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(socket);
                ports.put(key, socket.getLocalPort());
            }
            for (ServerSocket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StackPorts(Map.copyOf(ports));
    }

    int port(String key) {
        return byKey.get(key);
    }

    /** Where the service's actuator answers: metrics and the rest of management. */
    int management(String service) {
        return port(StackSettings.managementKey(service));
    }

    /** The stack's issuer, as every token's {@code iss} names it. */
    String issuer() {
        return "http://localhost:" + port("issuer");
    }

    Map<String, Integer> asProperties() {
        Map<String, Integer> properties = new LinkedHashMap<>();
        byKey.forEach((key, port) -> properties.put(StackSettings.portProperty(key), port));
        return properties;
    }
}
