package se.stegvis.reporting.indicators.adapter.in.web;

/** A new live stream beyond the bounds: the caller's own (429), or the service's in all (503). */
final class StreamsFull extends RuntimeException {

    private final boolean perIdentity;

    StreamsFull(boolean perIdentity) {
        super(perIdentity ? "Too many open streams for this identity" : "Too many open streams");
        this.perIdentity = perIdentity;
    }

    boolean perIdentity() {
        return perIdentity;
    }
}
