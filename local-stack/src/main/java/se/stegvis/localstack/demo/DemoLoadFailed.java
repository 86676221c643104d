package se.stegvis.localstack.demo;

/** A service answered what the demo cannot go on from, or did not answer; the message names which and why. */
public class DemoLoadFailed extends RuntimeException {

    public DemoLoadFailed(String message) {
        super(message);
    }
}
