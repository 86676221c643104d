package se.stegvis.localstack.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 backend, with unique indexes whose keys are compared as values rather than as Java
 * serialisations.
 *
 * <p>The stock backend keeps each unique index (every {@code _id} index too) in an H2 map whose keys, mongo-java-server's
 * {@link KeyValue}, H2 can only order by serialising both with {@code ObjectOutputStream} and comparing the bytes, at
 * every step of every binary search. A profile of a participant replica catching up on the local stack put three
 * quarters of the server's time there (about 1,500 events a second). Here index maps order their keys with
 * {@link KeyValueType}, value by value. The order is not written in the file, and an index map made by the stock
 * backend lies in byte order, where lookups by value would go astray: so the maps ordered by value are named in a map
 * of their own ({@value #ORDERED_BY_VALUE}), only those are opened with it, and an index map of an earlier version
 * keeps its order (and its pace) until its collection is dropped and made again, as a rebuild or a new replica does.
 * Rebuilding them all at the first start was tried and dropped: on a store of 100,000 participants it kept the server
 * from answering for minutes (past the launcher's start timeout) and ran out of its 1 GiB heap, though the page cache
 * then also counted documents at their BSON size, a third or less of what they take ({@link HeapFootprint}), so which of
 * the two did that is not settled.
 *
 * <p>Documents, too, are written as BSON rather than serialised ({@link DocumentType}); what the stock backend wrote
 * is still read. A file written here is not for the stock backend any more.
 */
public final class IndexedH2Backend extends H2Backend {

    /** Where the stock backend keeps a collection's documents and its size, by the collection's full name. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /** How the stock backend names a collection's index maps: {@code <database>.<collection>._index_<name>}. */
    private static final String INDEX_INFIX = "._index_";

    /** The names of the index maps whose keys are ordered by value. */
    static final String ORDERED_BY_VALUE = "stegvis.index-maps-ordered-by-value";

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from H2Backend's constructor too, for the databases the file holds: the store is set by then.
        return new Database(databaseName);
    }

    /**
     * Whether the index map of that name is, or (being new) will be, ordered by value; a new one is noted as such. One
     * the stock backend made is not: its keys lie in serialised-byte order.
     */
    static synchronized boolean orderedByValue(MVStore store, String mapName) {
        MVMap<String, Boolean> ordered = store.openMap(ORDERED_BY_VALUE);
        if (ordered.containsKey(mapName)) {
            return true;
        }
        if (store.hasMap(mapName)) {
            return false;
        }
        ordered.put(mapName, Boolean.TRUE);
        return true;
    }

    /** An inner class: its super constructor opens the indexes the file holds, and this needs the backend's store then. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String mapName = getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
            DataType<Object> keyType = orderedByValue(store, mapName) ? KeyValueType.INSTANCE : new ObjectDataType();
            MVMap<KeyValue, Object> map = store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(keyType));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /** As the stock backend, but the documents are written as BSON ({@link DocumentType}). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }
}
