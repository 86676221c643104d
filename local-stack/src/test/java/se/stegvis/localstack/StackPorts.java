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
                    "activity", "outcome", "reporting")) {
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

    Map<String, Integer> asProperties() {
        Map<String, Integer> properties = new LinkedHashMap<>();
        byKey.forEach((key, port) -> properties.put(StackSettings.portProperty(key), port));
        return properties;
    }
}
