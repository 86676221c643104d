package se.stegvis.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Finds, before anything starts, a port that is taken (by something else or by two components at once). */
public final class PortCheck {

    private PortCheck() {
    }

    /** The one-line message for the first problem, or empty when every port is free and used once. */
    public static Optional<String> firstProblem(Collection<PortUse> uses) {
        Map<Integer, PortUse> seen = new HashMap<>();
        for (PortUse use : uses) {
            PortUse other = seen.putIfAbsent(use.port(), use);
            if (other != null) {
                return Optional.of("Port " + use.port() + " is set for both " + other.component() + " and "
                        + use.component() + ": set -D" + use.property() + "=... to another port");
            }
        }
        return uses.stream().filter(use -> !isFree(use.port())).findFirst().map(PortCheck::inUseMessage);
    }

    static String inUseMessage(PortUse use) {
        return "Port " + use.port() + " (" + use.component() + ") is already in use: stop whatever listens there or set -D"
                + use.property() + "=...";
    }

    /** True when nothing listens on the port on the loopback interface (or on all interfaces). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
