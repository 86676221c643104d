package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void names_the_taken_port_its_component_and_the_property_that_moves_it() throws IOException {
        try (ServerSocket taken = listeningSocket()) {
            int free = freePort();
            List<PortUse> uses = List.of(
                    new PortUse(free, "MongoDB", "stegvis.mongo.port"),
                    new PortUse(taken.getLocalPort(), "Kafka", "stegvis.kafka.port"));

            assertThat(PortCheck.firstProblem(uses)).contains("Port " + taken.getLocalPort()
                    + " (Kafka) is already in use: stop whatever listens there or set -Dstegvis.kafka.port=...");
        }
    }

    @Test
    void finds_nothing_when_every_port_is_free() throws IOException {
        List<PortUse> uses = List.of(new PortUse(freePort(), "Kafka", "stegvis.kafka.port"));

        assertThat(PortCheck.firstProblem(uses)).isEmpty();
    }

    @Test
    void finds_one_port_given_to_two_components() throws IOException {
        int port = freePort();
        List<PortUse> uses = List.of(
                new PortUse(port, "Kafka", "stegvis.kafka.port"),
                new PortUse(port, "reporting-service", "stegvis.reporting.port"));

        assertThat(PortCheck.firstProblem(uses)).contains("Port " + port
                + " is set for both Kafka and reporting-service: set -Dstegvis.reporting.port=... to another port");
    }

    @Test
    void a_listening_socket_makes_the_port_busy_and_closing_it_frees_it() throws IOException {
        int port;
        try (ServerSocket socket = listeningSocket()) {
            port = socket.getLocalPort();
            assertThat(PortCheck.isFree(port)).isFalse();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
    }

    private static ServerSocket listeningSocket() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = listeningSocket()) {
            return socket.getLocalPort();
        }
    }
}
