package se.stegvis.localstack.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The value type of the collections' maps: a document is written as BSON ({@link BsonValues}), where the stock backend
 * writes it with {@code ObjectOutputStream} (class descriptors and all, a new stream for each document), and a page
 * read from the file is decoded from BSON. A value written by the stock backend is still read as it was written; a
 * document BSON cannot hold is written as before. Values are never compared, so the order of nothing changes.
 */
final class DocumentType extends ObjectDataType {

    static final DocumentType INSTANCE = new DocumentType();

    /** What the document takes of the heap ({@link HeapFootprint}): H2's page cache and page sizes count by it. */
    @Override
    public int getMemory(Object value) {
        return value instanceof Document document ? HeapFootprint.of(document) : super.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document && BsonValues.write(buffer, BsonValues.DOCUMENT, document) >= 0)) {
            super.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Document document = BsonValues.read(buffer, BsonValues.DOCUMENT);
        return document != null ? document : super.read(buffer);
    }
}
