package se.stegvis.localstack;

import java.util.List;

/**
 * One process of the stack: how to start it, which ports it takes, how to tell it is ready.
 *
 * @param name     what the user reads ("Kafka", "participant-service")
 * @param logName  its log file's name in {@code <data>/logs}, without ".log"
 * @param address  where it answers, printed when the stack is running
 * @param waitsFor the readiness probe in words, for the timeout message
 */
public record StackComponent(String name, String logName, List<PortUse> ports, List<String> command,
                             Readiness readiness, String address, String waitsFor) {

    public int port() {
        return ports.get(0).port();
    }
}
