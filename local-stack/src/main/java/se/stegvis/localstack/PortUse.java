package se.stegvis.localstack;

/** A port that a component of the stack listens on, and the property that moves it. */
public record PortUse(int port, String component, String property) {
}
