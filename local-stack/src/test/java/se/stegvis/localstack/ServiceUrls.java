package se.stegvis.localstack;

/**
 * The base URLs of the four services and where a client gets its tokens, all a scenario needs to drive the system
 * through its public HTTP APIs: the local stack gives them here, a suite on the real images could give its
 * containers' addresses the same way.
 */
record ServiceUrls(String participant, String activity, String outcome, String reporting, TokenSource tokens) {

    static ServiceUrls onLoopback(StackPorts ports) {
        return onLoopback(ports, new IssuerTokens(ports.issuer()));
    }

    static ServiceUrls onLoopback(StackPorts ports, TokenSource tokens) {
        return new ServiceUrls(loopback(ports, "participant"), loopback(ports, "activity"), loopback(ports, "outcome"),
                loopback(ports, "reporting"), tokens);
    }

    /** A client signed in as the identity. */
    ServiceCalls as(String identity) {
        return new ServiceCalls(tokens, identity);
    }

    private static String loopback(StackPorts ports, String service) {
        return "http://127.0.0.1:" + ports.port(service);
    }
}
