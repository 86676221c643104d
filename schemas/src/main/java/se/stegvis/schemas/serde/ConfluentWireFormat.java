package se.stegvis.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format for a Kafka key or value: byte 0 (the magic byte), the schema's global registry id as a
 * 4-byte big-endian integer, then the Avro binary encoding of the datum.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /** The five bytes that start every message written with the given schema id. */
    static byte[] header(int schemaId) {
        return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId};
    }

    /** The schema id a message was written with; fails on anything that is not in the wire format. */
    public static int schemaId(byte[] message) {
        if (message.length < HEADER_SIZE) {
            throw new SerializationException("Message of " + message.length + " bytes is too short for the Confluent wire format");
        }
        if (message[0] != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte!");
        }
        return ((message[1] & 0xff) << 24) | ((message[2] & 0xff) << 16) | ((message[3] & 0xff) << 8) | (message[4] & 0xff);
    }
}
