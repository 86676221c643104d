package se.stegvis.registry.application;

/** The log could not be written, or the write was not read back in time. */
public class SchemaLogException extends RuntimeException {

    private final boolean timedOut;

    public SchemaLogException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
