package se.stegvis.schemas.registry;

/** An error answer of a schema registry: the HTTP status and Confluent's {@code error_code}, or a failed call. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Confluent's error_code, e.g. 40401 (subject not found) or 409 (incompatible schema), or 0. */
    public int errorCode() {
        return errorCode;
    }
}
