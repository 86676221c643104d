package se.stegvis.localstack.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document in an H2 page as one tag byte and its BSON, with mongo-java-server's own encoder and decoder (those of
 * the wire, so a document comes back with the very types a client's request gave it). The tags lie above every tag
 * H2's {@code ObjectDataType} writes (0 to 119), so a value written by H2 itself is told apart by its first byte.
 */
final class BsonValues {

    /** A collection's document. */
    static final byte DOCUMENT = 127;
    /** An index key's values, as a document of "0", "1", … */
    static final byte KEY = 126;

    private BsonValues() {
    }

    /**
     * Writes the tag and the document's BSON and returns how many bytes that took; -1, writing nothing, when BSON
     * cannot hold a value of the document.
     */
    static int write(WriteBuffer buffer, byte tag, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            return -1;
        }
        int length = bson.readableBytes();
        buffer.put(tag);
        buffer.put(bson.nioBuffer());
        return 1 + length;
    }

    /** The document, if the next value has the tag (consumed then); null, consuming nothing, otherwise. */
    static Document read(ByteBuffer buffer, byte tag) {
        if (buffer.get(buffer.position()) != tag) {
            return null;
        }
        buffer.get();
        // BSON begins with its whole length, little-endian
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(buffer.position());
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice().limit(length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }
}
