package se.stegvis.localstack.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

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
 * of their own ({@value #ORDERED_BY_VALUE}), and every other index map is made again in that order when the store is
 * opened ({@link #renewIndexes}), once.
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
        super(renewIndexes(store));
    }

    /**
     * Before anything is opened: every index map the stock backend made is removed, in one commit. mongo-java-server
     * fills an index it finds empty from the collection's documents when it opens the collection, so each is made
     * again, in value order, at this start; after it, no index map of that kind is left, and this does nothing.
     */
    static MVStore renewIndexes(MVStore store) {
        MVMap<String, Boolean> ordered = store.openMap(ORDERED_BY_VALUE);
        List<String> stock = store.getMapNames().stream().filter(name -> name.contains(INDEX_INFIX))
                .filter(name -> !name.startsWith(DATA_PREFIX) && !name.startsWith(META_PREFIX) && !ordered.containsKey(name)).toList();
        if (!stock.isEmpty()) {
            stock.forEach(name -> store.removeMap(store.openMap(name)));
            store.commit();
        }
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from H2Backend's constructor too, for the databases the file holds: the store is set by then.
        return new Database(databaseName);
    }

    /** Notes that the index map of that name is ordered by value (all are, once {@link #renewIndexes} has run). */
    static synchronized void orderedByValue(MVStore store, String mapName) {
        store.<String, Boolean>openMap(ORDERED_BY_VALUE).putIfAbsent(mapName, Boolean.TRUE);
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
            orderedByValue(store, mapName);
            MVMap<KeyValue, Object> map = store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
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
