package se.stegvis.localstack.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The key type of the index maps {@link IndexedH2Backend} makes: two index keys compare value by value, in MongoDB's
 * order of values (as mongo-java-server sorts), instead of by their Java serialisations; two keys that compare equal
 * are one key to the unique index. A key is written as its values in a BSON document ({@link BsonValues}); one that
 * BSON cannot hold (mongo-java-server's marker of a missing field) as H2 writes any object.
 */
final class KeyValueType extends ObjectDataType {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    /** What the key takes of the heap ({@link HeapFootprint}): H2's page cache and page sizes count by it. */
    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue values ? HeapFootprint.of(values) : super.getMemory(key);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue one && b instanceof KeyValue other) {
            int common = Math.min(one.size(), other.size());
            for (int i = 0; i < common; i++) {
                int order = VALUES.compare(one.get(i), other.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(one.size(), other.size());
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue values) {
            Document asDocument = new Document();
            int i = 0;
            for (Object value : values) {
                asDocument.put(String.valueOf(i++), value);
            }
            if (BsonValues.write(buffer, BsonValues.KEY, asDocument) >= 0) {
                return;
            }
        }
        super.write(buffer, key);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Document asDocument = BsonValues.read(buffer, BsonValues.KEY);
        return asDocument == null ? super.read(buffer) : new KeyValue(new ArrayList<>(asDocument.values()));
    }
}
