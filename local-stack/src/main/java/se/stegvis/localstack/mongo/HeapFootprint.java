package se.stegvis.localstack.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What a decoded document or index key takes of the heap, estimated from its structure (a 64-bit JVM with compressed
 * references: 12-byte object headers, 8-byte alignment): the figure H2 counts a page's values by, which bounds its page
 * cache and sizes its pages.
 *
 * <p>Why not the size of the document's BSON (what H2 counts for a value it serialises itself, and what was counted
 * here before): a document as mongo-java-server holds it is a linked hash map of boxed values, each key and string value
 * a {@code String} of its own, three to five times its BSON. Counted at its BSON size, a page cache of 256 MB held about
 * 540 MB of documents on the stack benchmark's store of 100,000 participants; in a heap of a gigabyte the serial
 * collector then ran a full collection every four seconds, of a second each, and every client of the server waited.
 *
 * <p>The same document always gives the same figure (H2 adds and subtracts a value's figure as pages change): the
 * documents in H2's maps are never changed in place (mongo-java-server replaces a document it updates).
 */
final class HeapFootprint {

    private static final int HEADER = 12;
    private static final int REFERENCE = 4;
    private static final int ARRAY_HEADER = 16;
    /** A LinkedHashMap.Entry: header, hash, key, value, next, before, after. */
    private static final int MAP_ENTRY = 40;
    /** Document (header, its map) + LinkedHashMap (header, table, entrySet, keySet, values, size, modCount, threshold, loadFactor, head, tail, accessOrder). */
    private static final int EMPTY_DOCUMENT = 16 + 56;
    /** An object of a type not listed, and what a reference to a shared instance (Boolean, small Integer) is counted as. */
    private static final int OTHER = 32;
    /** Nested values deeper than this are counted as {@link #OTHER}: a bound on the walk, never reached by real documents. */
    private static final int DEPTH = 32;

    private HeapFootprint() {
    }

    static int of(Document document) {
        return document(document, 0);
    }

    static int of(KeyValue key) {
        int size = align(HEADER + REFERENCE) + array(key.size());
        for (Object value : key) {
            size += value(value, 0);
        }
        return size;
    }

    private static int document(Map<String, Object> document, int depth) {
        int size = EMPTY_DOCUMENT + array(tableCapacity(document.size()));
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            size += MAP_ENTRY + string(entry.getKey()) + value(entry.getValue(), depth + 1);
        }
        return size;
    }

    @SuppressWarnings("unchecked")
    private static int value(Object value, int depth) {
        if (value == null || value instanceof Boolean) {
            return 0;
        }
        if (depth > DEPTH) {
            return OTHER;
        }
        if (value instanceof String string) {
            return string(string);
        }
        if (value instanceof Integer || value instanceof Float || value instanceof Short || value instanceof Byte
                || value instanceof Character) {
            return 16;
        }
        if (value instanceof Long || value instanceof Double || value instanceof Date || value instanceof Instant) {
            return 24;
        }
        if (value instanceof UUID) {
            return 32;
        }
        if (value instanceof Map<?, ?> map) { // a nested Document too
            return document((Map<String, Object>) map, depth);
        }
        if (value instanceof Collection<?> list) {
            int size = 24 + array(list.size());
            for (Object element : list) {
                size += value(element, depth + 1);
            }
            return size;
        }
        if (value instanceof BinData binary) {
            return 16 + bytes(binary.getData().length);
        }
        if (value instanceof byte[] binary) {
            return bytes(binary.length);
        }
        return OTHER;
    }

    /** A String with its byte array; Latin-1 text one byte a character, any other two. */
    private static int string(String string) {
        int length = string.length();
        boolean latin1 = true;
        for (int i = 0; i < length && latin1; i++) {
            latin1 = string.charAt(i) < 256;
        }
        return 24 + bytes(latin1 ? length : 2 * length);
    }

    private static int bytes(int length) {
        return align(ARRAY_HEADER + length);
    }

    private static int array(int references) {
        return align(ARRAY_HEADER + REFERENCE * references);
    }

    /** A hash map's table for this many entries at the default load factor: a power of two, at least 16. */
    private static int tableCapacity(int entries) {
        int capacity = 16;
        while (capacity * 3 / 4 < entries) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static int align(int size) {
        return (size + 7) & ~7;
    }
}
