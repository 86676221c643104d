package se.stegvis.schemas.serde;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronized growable byte buffer for one message. {@code ByteArrayOutputStream} synchronizes every write,
 * and a direct Avro encoder writes each field separately, so that cost shows on every field of every message.
 */
final class MessageBuffer extends OutputStream {

    private byte[] bytes;
    private int size;

    MessageBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensureRoomFor(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureRoomFor(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensureRoomFor(int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
    }
}
